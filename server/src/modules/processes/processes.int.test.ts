import type { ProcessInstance, ProcessStep } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const opened = await openTestCase(cm);
  return { db, tenant, cm, ...opened };
}

async function processes(client: Client, caseId: string): Promise<ProcessInstance[]> {
  const res = await client.get(`/cases/${caseId}/processes`);
  if (res.statusCode !== 200) throw new Error(`processes: ${res.body}`);
  return res.json();
}
function instanceOf(list: ProcessInstance[], key: string): ProcessInstance {
  const found =
    list.find((i) => i.definition.key === key && i.status === 'running') ??
    list.find((i) => i.definition.key === key);
  if (!found) throw new Error(`no ${key} instance`);
  return found;
}
function stepOf(instance: ProcessInstance, key: string, occurrence = 1): ProcessStep {
  const found = instance.steps.find((s) => s.key === key && s.occurrence === occurrence);
  if (!found) throw new Error(`no step ${key}`);
  return found;
}

const willAndGoals = {
  will: 'Muharem soll auf seiner Schule bleiben.',
  directionGoal: 'Muharem bleibt auf seiner Schule.',
  actionGoals: [{ id: null, text: 'Muharem ist täglich in der Schule.', dueOn: '2026-06-30', steps: [] }],
  version: 0,
};
const plan = (supersedesId: string | null) => ({
  applicationOn: '2026-01-20',
  applicant: 'Mara Beispiel',
  meetingOn: '2026-02-01',
  participants: ['Mara Beispiel', 'Muharem Beispiel'],
  childParticipated: true,
  agreedMeasures: 'Hausaufgabenhilfe im Jugendfreizeitheim',
  reviewOn: '2026-07-01',
  attainment: [],
  supersedesId,
});

describe('counselling starts with every case', () => {
  it('runs Falleingang from the intake; the Kurzberatung and Wille und Ziele complete their steps once', async () => {
    const { tenant, cm, caseId } = await setup();
    const started = instanceOf(await processes(cm, caseId), 'beratung');
    expect(started.steps.map((s) => [s.key, s.state])).toEqual([
      ['falleingang', 'offen'],
      ['wille_und_ziele', 'offen'],
      ['beratungsgespraeche', 'offen'],
      ['abschluss', 'offen'],
    ]);
    expect(stepOf(started, 'falleingang').dueAt).not.toBeNull();
    expect(stepOf(started, 'wille_und_ziele')).toMatchObject({
      dueAt: null,
      waitsFor: 'Falleingang und Falleinordnung',
    });

    await classify(cm, caseId, 'leistung', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
    const classified = instanceOf(await processes(cm, caseId), 'beratung');
    expect(stepOf(classified, 'falleingang')).toMatchObject({
      state: 'erledigt',
      doneBy: { id: tenant.users.caseManagerA.id },
      completedByRecord: { type: 'risk_consultation' },
    });
    expect(stepOf(classified, 'wille_und_ziele')).toMatchObject({ waitsFor: null });
    expect(stepOf(classified, 'wille_und_ziele').dueAt).not.toBeNull();

    expect((await cm.put(`/cases/${caseId}/will-and-goals`, willAndGoals)).statusCode).toBe(204);
    const first = stepOf(instanceOf(await processes(cm, caseId), 'beratung'), 'wille_und_ziele');
    expect(first).toMatchObject({
      state: 'erledigt',
      completedByRecord: { type: 'will_and_goals', id: caseId },
    });
    expect(
      (await cm.put(`/cases/${caseId}/will-and-goals`, { ...willAndGoals, version: 1 })).statusCode,
    ).toBe(204);
    const again = instanceOf(await processes(cm, caseId), 'beratung');
    expect(stepOf(again, 'wille_und_ziele')).toEqual(first);
    expect(stepOf(again, 'beratungsgespraeche').state).toBe('offen');
  });
});

describe('help for education', () => {
  it('starts on request, once; a help plan completes the meeting, the next one the review, never one twice', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const start = await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' });
    expect(start.statusCode).toBe(201);
    expect(
      (await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' })).statusCode,
    ).toBe(409);
    const unknown = await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'gibt_es_nicht' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('definitionKey');

    const hze = instanceOf(await processes(cm, caseId), 'hilfe_zur_erziehung');
    expect(hze).toMatchObject({
      id: start.json().id,
      definition: { version: 1 },
      startedBy: { id: tenant.users.caseManagerA.id },
    });
    expect(stepOf(hze, 'antrag').dueAt).not.toBeNull();

    await cm.put(`/cases/${caseId}/will-and-goals`, willAndGoals);
    const first = (await cm.post(`/cases/${caseId}/help-plans`, plan(null))).json().id as string;
    const afterFirst = instanceOf(await processes(cm, caseId), 'hilfe_zur_erziehung');
    const meeting = stepOf(afterFirst, 'hilfeplangespraech');
    expect(meeting).toMatchObject({ state: 'erledigt', completedByRecord: { type: 'help_plan', id: first } });
    // The review is due six months after the meeting step was done, at the end of that Berlin day.
    const review = stepOf(afterFirst, 'ueberpruefung');
    expect(review.state).toBe('offen');
    expect(new Date(review.dueAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 150 * 86_400_000);
    // The earlier steps stay open: nobody ticked them.
    expect(stepOf(afterFirst, 'antrag').state).toBe('offen');

    const second = (await cm.post(`/cases/${caseId}/help-plans`, plan(first))).json().id as string;
    const afterSecond = instanceOf(await processes(cm, caseId), 'hilfe_zur_erziehung');
    expect(stepOf(afterSecond, 'hilfeplangespraech')).toEqual(meeting);
    expect(stepOf(afterSecond, 'ueberpruefung')).toMatchObject({
      state: 'erledigt',
      completedByRecord: { type: 'help_plan', id: second },
    });
    expect(stepOf(afterSecond, 'ueberpruefung', 2)).toMatchObject({
      state: 'offen',
      completedByRecord: null,
    });
    const completions = await db
      .selectFrom('process_step')
      .select(['completed_by_id'])
      .where('tenant_id', '=', tenant.id)
      .where('completed_by_type', '=', 'help_plan')
      .execute();
    expect(completions.map((c) => c.completed_by_id).sort()).toEqual([first, second].sort());
  });
});

describe('closing a step by hand', () => {
  it('skips only with a reason (400 names it, nothing written), records who and when, refuses a stale version', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const step = stepOf(instanceOf(await processes(cm, caseId), 'beratung'), 'falleingang');
    const url = `/cases/${caseId}/process-steps/${step.id}`;
    const noReason = await cm.post(url, { state: 'uebersprungen', version: step.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const blank = await cm.post(url, { state: 'uebersprungen', reason: '   ', version: step.version });
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(stepOf(instanceOf(await processes(cm, caseId), 'beratung'), 'falleingang').state).toBe('offen');

    const skip = await cm.post(url, {
      state: 'uebersprungen',
      reason: 'Falleinordnung im Vorgängerfall',
      version: step.version,
    });
    expect(skip.statusCode).toBe(204);
    const skipped = stepOf(instanceOf(await processes(cm, caseId), 'beratung'), 'falleingang');
    expect(skipped).toMatchObject({
      state: 'uebersprungen',
      skipReason: 'Falleinordnung im Vorgängerfall',
      doneBy: { id: tenant.users.caseManagerA.id },
      version: step.version + 1,
    });
    expect(skipped.doneAt).not.toBeNull();
    expect((await cm.post(url, { state: 'erledigt', version: step.version })).statusCode).toBe(409);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'process_step')
      .where('entity_id', '=', step.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'update',
        details: expect.objectContaining({ caseId, step: 'falleingang', state: 'uebersprungen' }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('Vorgängerfall');
  });

  it('counts the child-protection deadlines in hours from the report, by the urgency the Ersteinschätzung records', async () => {
    const { cm, caseId } = await setup();
    await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'kinderschutz' });
    let cp = instanceOf(await processes(cm, caseId), 'kinderschutz');
    const report = stepOf(cp, 'meldung');
    const wrong = await cm.post(`/cases/${caseId}/process-steps/${report.id}`, {
      state: 'erledigt',
      urgency: 'sofort',
      version: report.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('urgency');
    await cm.post(`/cases/${caseId}/process-steps/${report.id}`, {
      state: 'erledigt',
      version: report.version,
    });
    cp = instanceOf(await processes(cm, caseId), 'kinderschutz');
    const reportedAt = Date.parse(stepOf(cp, 'meldung').doneAt ?? '');
    const first = stepOf(cp, 'ersteinschaetzung');
    expect(Date.parse(first.dueAt ?? '') - reportedAt).toBe(24 * 3_600_000);
    expect(Date.parse(stepOf(cp, 'gefaehrdungseinschaetzung').dueAt ?? '') - reportedAt).toBe(
      336 * 3_600_000,
    );
    await cm.post(`/cases/${caseId}/process-steps/${first.id}`, {
      state: 'erledigt',
      urgency: 'innerhalb_24h',
      version: first.version,
    });
    cp = instanceOf(await processes(cm, caseId), 'kinderschutz');
    expect(cp.urgency).toBe('innerhalb_24h');
    for (const key of ['gefaehrdungseinschaetzung', 'hausbesuch'])
      expect(Date.parse(stepOf(cp, key).dueAt ?? '') - reportedAt).toBe(24 * 3_600_000);
  });
});

describe('access', () => {
  it('shows a case worker without access nothing: 403, audited, and nothing started', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/cases/${caseId}/processes`)).statusCode).toBe(403);
    expect(
      (await other.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' })).statusCode,
    ).toBe(403);
    const step = stepOf(instanceOf(await processes(cm, caseId), 'beratung'), 'falleingang');
    expect(
      (await other.post(`/cases/${caseId}/process-steps/${step.id}`, { state: 'erledigt', version: 1 }))
        .statusCode,
    ).toBe(403);
    const denied = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', tenant.users.caseManagerB.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied.map((d) => [d.entity_id, (d.details as { purpose: string }).purpose])).toEqual([
      [caseId, 'read'],
      [caseId, 'write'],
      [caseId, 'write'],
    ]);
    const list = await processes(cm, caseId);
    expect(list.map((i) => i.definition.key)).toEqual(['beratung']);
    expect(stepOf(list[0] as ProcessInstance, 'falleingang').state).toBe('offen');
  });
});

describe('ending', () => {
  it('cancels with a reason (its open steps skipped), and closing the case ends what still runs', async () => {
    const { cm, caseId } = await setup();
    const id = (await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' })).json()
      .id;
    const noReason = await cm.post(`/cases/${caseId}/processes/${id}/cancel`, { version: 1 });
    expect(noReason.json().errors[0].field).toBe('reason');
    expect(
      (
        await cm.post(`/cases/${caseId}/processes/${id}/cancel`, {
          reason: 'Antrag zurückgenommen',
          version: 1,
        })
      ).statusCode,
    ).toBe(204);
    const cancelled = (await processes(cm, caseId)).find((i) => i.id === id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Antrag zurückgenommen' });
    expect(new Set(cancelled?.steps.map((s) => s.state))).toEqual(new Set(['uebersprungen']));

    const closed = await cm.post(`/cases/${caseId}/close`, {
      closedOn: '2026-03-01',
      reason: 'ziele_erreicht',
      outcome: 'positiv',
      tip: null,
      version: 1,
    });
    expect(closed.statusCode).toBe(204);
    const counselling = instanceOf(await processes(cm, caseId), 'beratung');
    expect(counselling.status).toBe('cancelled');
    expect(stepOf(counselling, 'abschluss')).toMatchObject({
      state: 'erledigt',
      completedByRecord: { type: 'case_closing' },
    });
    expect(stepOf(counselling, 'falleingang')).toMatchObject({
      state: 'uebersprungen',
      skipReason: 'Fall abgeschlossen.',
    });
  });
});
