import type { ProcessInstance, ProcessStep } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, reportBody, setupChildProtection, urgencyBody } from '../../../test/childProtection.ts';
import { testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const step = (instance: ProcessInstance | undefined, key: string): ProcessStep => {
  const found = instance?.steps.find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key}`);
  return found;
};

describe('child protection runs its process', () => {
  it('starts one per report at its receipt, and the urgency sets the assessment deadline of that check only', async () => {
    const { tenant, cm, caseId, lina, timo, base } = await setupChildProtection(app);
    const linaAt = hoursAgo(72);
    const timoAt = hoursAgo(10);
    const linaCheck = (await cm.post(base, reportBody(lina, tenant.users.colleagueA.id, linaAt))).json().id;
    const timoCheck = (await cm.post(base, reportBody(timo, tenant.users.colleagueA.id, timoAt))).json().id;

    const load = async () => {
      const list = (await cm.get(`/cases/${caseId}/processes`)).json() as ProcessInstance[];
      const of = (checkId: string) => list.find((i) => i.subject?.id === checkId);
      return { list, linaProcess: of(linaCheck), timoProcess: of(timoCheck) };
    };
    const before = await load();
    expect(before.list.filter((i) => i.definition.key === 'kinderschutz')).toHaveLength(2);
    expect(before.linaProcess).toMatchObject({
      startedAt: linaAt,
      subject: { type: 'child_protection_check', id: linaCheck },
    });
    expect(step(before.linaProcess, 'meldung')).toMatchObject({
      state: 'erledigt',
      doneAt: linaAt,
      completedByRecord: { type: 'child_protection.report', id: linaCheck },
    });
    // Until the urgency is known: two weeks from the receipt.
    const weeks =
      Date.parse(step(before.linaProcess, 'gefaehrdungseinschaetzung').dueAt ?? '') - Date.parse(linaAt);
    expect(weeks).toBe(336 * 3_600_000);

    const decidedAt = hoursAgo(71);
    const urgency = await cm.put(`${base}/${linaCheck}/urgency`, urgencyBody(1, decidedAt));
    expect(urgency.statusCode).toBe(204);
    const after = await load();
    expect(after.linaProcess?.urgency).toBe('innerhalb_24h');
    expect(step(after.linaProcess, 'ersteinschaetzung')).toMatchObject({
      state: 'erledigt',
      doneAt: decidedAt,
    });
    const [checkListed] = (await cm.get(base)).json().filter((c: { id: string }) => c.id === linaCheck);
    for (const key of ['gefaehrdungseinschaetzung', 'hausbesuch']) {
      // The child-protection module's own deadline, and overdue like it: the receipt lies 72 hours back.
      expect(step(after.linaProcess, key)).toMatchObject({
        dueAt: checkListed.assessmentDueAt,
        overdue: true,
      });
    }
    // Timo's check has its own process, untouched.
    expect(after.timoProcess?.urgency).toBeNull();
    expect(step(after.timoProcess, 'ersteinschaetzung').state).toBe('offen');
    expect(step(after.timoProcess, 'gefaehrdungseinschaetzung')).toEqual(
      step(before.timoProcess, 'gefaehrdungseinschaetzung'),
    );
  });
});
