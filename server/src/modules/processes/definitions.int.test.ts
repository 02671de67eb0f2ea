import type { ProcessDefinition, ProcessInstance } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
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
  const admin = await Client.as(app, tenant, 'admin');
  return { db, tenant, admin };
}

async function definitions(client: Client): Promise<ProcessDefinition[]> {
  return (await client.get('/process-definitions')).json();
}
const latest = (list: ProcessDefinition[], key: string) => {
  const found = list.find((d) => d.key === key && d.latest);
  if (!found) throw new Error(key);
  return found;
};

describe('process definitions', () => {
  it('ships child protection, help for education and counselling to every new Jugendamt', async () => {
    const { admin, tenant } = await setup();
    const list = await definitions(admin);
    expect(list.map((d) => [d.key, d.version, d.latest, d.instances]).sort()).toEqual([
      ['beratung', 1, true, 0],
      ['hilfe_zur_erziehung', 1, true, 0],
      ['kinderschutz', 1, true, 0],
    ]);
    expect(latest(list, 'kinderschutz').steps.map((s) => s.key)).toEqual([
      'meldung',
      'ersteinschaetzung',
      'gefaehrdungseinschaetzung',
      'hausbesuch',
      'ergebnis',
      'schutzplan',
    ]);
    // Case workers read them (to start one); roles without case work or administration do not.
    expect(
      (await (await Client.as(app, tenant, 'caseManagerA')).get('/process-definitions')).statusCode,
    ).toBe(200);
    expect((await (await Client.as(app, tenant, 'controller')).get('/process-definitions')).statusCode).toBe(
      403,
    );
  });

  it('refuses a definition that makes no sense with 400 naming the field path, and writes nothing', async () => {
    const { db, tenant, admin } = await setup();
    const current = latest(await definitions(admin), 'hilfe_zur_erziehung');
    const steps = structuredClone(current.steps);
    const broken = (change: (s: typeof steps) => void) => {
      const copy = structuredClone(steps);
      change(copy);
      return { name: current.name, basedOnVersion: 1, steps: copy };
    };
    const url = '/process-definitions/hilfe_zur_erziehung/versions';
    const cases: [string, ReturnType<typeof broken>][] = [
      [
        'steps.2.deadline.amount',
        broken((s) => {
          if (s[2]?.deadline) s[2].deadline.amount = 0;
        }),
      ],
      [
        'steps.1.deadline.amount',
        broken((s) => {
          if (s[1]?.deadline) s[1].deadline = { unit: 'hours', amount: 5000, from: 'start' };
        }),
      ],
      [
        'steps.1.deadline.from.step',
        broken((s) => {
          if (s[1]?.deadline) s[1].deadline.from = { step: 'bewilligung' };
        }),
      ],
      [
        'steps.0.deadline.from.step',
        broken((s) => {
          if (s[0]?.deadline) s[0].deadline.from = { step: 'antrag' };
        }),
      ],
      [
        'steps.3.deadline.from.step',
        broken((s) => {
          if (s[3]?.deadline) s[3].deadline.from = { step: 'gibt_es_nicht' };
        }),
      ],
      [
        'steps.4.key',
        broken((s) => {
          if (s[4]) s[4].key = 'antrag';
        }),
      ],
      [
        'steps.5.repeatEvery.amount',
        broken((s) => {
          if (s[5]) s[5].repeatEvery = { unit: 'months', amount: -6 };
        }),
      ],
    ];
    for (const [field, body] of cases) {
      const res = await admin.post(url, body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const rows = await db
      .selectFrom('process_definition')
      .select('version')
      .where('tenant_id', '=', tenant.id)
      .where('key', '=', 'hilfe_zur_erziehung')
      .execute();
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('adds a version for new instances; running ones keep theirs; only admins, only on the newest', async () => {
    const { tenant, admin } = await setup();
    const current = latest(await definitions(admin), 'beratung');
    const steps = current.steps.map((s) =>
      s.key === 'falleingang'
        ? { ...s, deadline: { unit: 'workingDays' as const, amount: 3, from: 'start' as const } }
        : s,
    );
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const before = await openTestCase(cm);
    const body = { name: 'Beratung (Frist Falleingang 3 Tage)', basedOnVersion: 1, steps };
    expect((await cm.post('/process-definitions/beratung/versions', body)).statusCode).toBe(403);
    const created = await admin.post('/process-definitions/beratung/versions', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(2);
    expect((await admin.post('/process-definitions/beratung/versions', body)).statusCode).toBe(409);
    expect((await admin.post('/process-definitions/unbekannt/versions', body)).statusCode).toBe(404);

    const list = await definitions(admin);
    expect(list.filter((d) => d.key === 'beratung').map((d) => [d.version, d.latest, d.instances])).toEqual([
      [2, true, 0],
      [1, false, 1],
    ]);
    const after = await openTestCase(cm, { childFirstName: 'Lina' });
    const versionOf = async (caseId: string) =>
      ((await cm.get(`/cases/${caseId}/processes`)).json() as ProcessInstance[])[0]?.definition.version;
    expect(await versionOf(before.caseId)).toBe(1);
    expect(await versionOf(after.caseId)).toBe(2);
  });
});
