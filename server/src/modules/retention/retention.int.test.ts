import { instantOfBerlinDateTime } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNote } from '../../../test/caseNotes.ts';
import { closingDecisions, openTestCase } from '../../../test/cases.ts';
import { checkWithResult } from '../../../test/childProtection.ts';
import { testDatabase } from '../../../test/db.ts';
import { uploadDocument } from '../../../test/documents.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { openLongCase } from '../../../test/longCase.ts';
import { countingStatements } from '../../../test/statements.ts';
import type { Database } from '../../db/database.ts';
import { verifyAuditChain } from '../audit/chain.ts';
import { notifyDueFiles } from './sweep.ts';

/**
 * Retention and erasure (docs/retention.md) through HTTP. The app's clock is moved past the retention end, as the
 * years would pass.
 */
let clock = new Date();
let app: FastifyInstance;
let db: Database;
beforeAll(async () => {
  app = await testApp({}, () => clock);
  db = (await testDatabase()).db;
});
afterAll(() => app.close());

const at = (day: string) => {
  clock = instantOfBerlinDateTime(`${day}T10:00`);
};

/** What the erasure must remove: the family's names, a third party's, the birth dates, the school. */
const traces = ['Öztürk', 'Jürgen', 'Weiß', '2013-05-17', '1986-03-09', 'Weserufer', 'Regenbogen'];

/** Every row of the tenant, in every table that has one, whose text holds one of the traces. */
async function scanTenant(tenantId: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'tenant_id' order by table_name`.execute(db);
  const found: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} t
      where t.tenant_id = ${tenantId} and t::text ilike any(${traces.map((x) => `%${x}%`)})`.execute(db);
    const n = r.rows[0]?.n ?? 0;
    if (n > 0) found[table_name] = n;
  }
  return found;
}

async function figures(controller: Client) {
  const regions = (await controller.get('/controlling/regions')).json() as { key: string }[];
  const out: Record<string, unknown> = {};
  for (const { key } of regions)
    out[key] = (await controller.get(`/controlling/kpis?region=${key}&year=2026`)).json();
  return out;
}

async function setRules(tenant: TestTenant, years: Record<string, number>) {
  const admin = await Client.as(app, tenant, 'admin');
  const current = (await admin.get('/retention/rules')).json();
  const res = await admin.put('/retention/rules', {
    rules: Object.entries(years).map(([recordClass, y]) => ({ recordClass, years: y })),
    version: current.version,
  });
  expect(res.statusCode).toBe(200);
}

async function closeCase(cm: Client, caseId: string, closedOn = '2026-03-31') {
  const detail = (await cm.get(`/cases/${caseId}`)).json();
  const res = await cm.post(`/cases/${caseId}/close`, {
    closedOn,
    reason: 'ziele_erreicht',
    outcome: 'positiv',
    tip: 'Jürgen hat die Hausaufgabenhilfe gut angenommen.',
    measures: await closingDecisions(cm, caseId, closedOn),
    version: detail.version,
  });
  expect(res.statusCode, res.body).toBe(204);
}

describe('erasure of a case file after its retention', () => {
  it('leaves no name or birth date of the family in any table, keeps the figures, and the audit chain verifies', async () => {
    at('2026-04-01');
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId, caseNumber } = await openLongCase(cm, tenant);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id;
    await writeNote(cm, caseId, {
      occurredAt: '2026-03-02T09:00:00Z',
      text: 'Hausbesuch: Jürgen und Frau Öztürk-Schäfer angetroffen.',
      others: ['Großmutter Weiß'],
    });
    const doc = await uploadDocument(
      cm,
      caseId,
      'Bericht-Weiß.txt',
      'text/plain',
      Buffer.from('Jürgen Weiß'),
    );
    expect(doc.statusCode, doc.body).toBe(201);
    await checkWithResult(
      cm,
      caseId,
      child,
      [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      'kein_bedarf',
    );
    await closeCase(cm, caseId);
    await setRules(tenant, { langfristig: 70, kinderschutz: 1, sonstige: 1 });

    const controller = await Client.as(app, tenant, 'controller');
    const before = await figures(controller);
    expect(Object.keys(await scanTenant(tenant.id)).length).toBeGreaterThan(5);

    // 2027 ends the retention of a file closed in 2026 with one year.
    at('2027-12-31');
    const early = await Client.as(app, tenant, 'caseManagerA');
    const tooEarly = await early.post(`/cases/${caseId}/retention/proposal`, {
      reason: 'Frist abgelaufen',
      version: 0,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors[0].field).toBe('caseId');

    at('2028-01-02');
    const cmLater = await Client.as(app, tenant, 'caseManagerA');
    const tl = await Client.as(app, tenant, 'teamLeadA');
    expect((await cmLater.get(`/cases/${caseId}/retention`)).json()).toMatchObject({
      state: 'faellig',
      recordClass: 'kinderschutz',
      retainUntil: '2027-12-31',
      mayPropose: true,
    });
    const proposed = await cmLater.post(`/cases/${caseId}/retention/proposal`, {
      reason: 'Aufbewahrungsfrist abgelaufen',
      version: 0,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().state).toBe('vorgeschlagen');

    // The proposer cannot confirm (a case manager never can); the team lead must type the case number.
    const self = await cmLater.post(`/cases/${caseId}/retention/erasure`, {
      confirmCaseNumber: caseNumber,
      version: 1,
    });
    expect(self.statusCode).toBe(403);
    const wrongNumber = await tl.post(`/cases/${caseId}/retention/erasure`, {
      confirmCaseNumber: 'X',
      version: 1,
    });
    expect(wrongNumber.statusCode).toBe(400);
    expect(wrongNumber.json().errors[0].field).toBe('confirmCaseNumber');
    expect(Object.keys(await scanTenant(tenant.id)).length).toBeGreaterThan(5);

    const erased = await tl.post(`/cases/${caseId}/retention/erasure`, {
      confirmCaseNumber: caseNumber,
      version: 1,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().state).toBe('geloescht');

    expect(await scanTenant(tenant.id)).toEqual({});
    const documents = await sql<{ n: number }>`select count(*)::int as n from case_document
      where tenant_id = ${tenant.id}`.execute(db);
    expect(documents.rows[0]?.n).toBe(0);
    expect(await figures(await Client.as(app, tenant, 'controller'))).toEqual(before);
    expect((await verifyAuditChain(db, tenant.id)).broken).toEqual([]);
    const trail = await sql<{ action: string; entity_type: string }>`select action, entity_type from audit_log
      where tenant_id = ${tenant.id} and entity_id = ${caseId} and action = 'delete'`.execute(db);
    expect(trail.rows).toContainEqual({ action: 'delete', entity_type: 'case' });

    // An erased file is read as what is left, and nobody changes it any more.
    const after = await tl.get(`/cases/${caseId}`);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().concern).toBe('gelöscht');
    const change = await tl.post(`/cases/${caseId}/notes`, {
      occurredAt: '2028-01-02T09:00:00Z',
      kind: 'telefonat',
      staffIds: [],
      others: [],
      text: 'Nachtrag',
      link: null,
      correctsId: null,
    });
    expect(change.statusCode).toBe(409);
  });
});

describe('files still under retention', () => {
  it('refuses a proposal for a file with help for education, kept until 70 years after the 30th birthday', async () => {
    at('2026-04-01');
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person;
    await sql`insert into measure (tenant_id, case_id, person_id, help_type_id, category, begin_on, end_on, end_reason, status,
        individual_amount, individual_unit)
      select ${tenant.id}, ${caseId}, ${child.id}, id, 'ambulant', '2026-01-15', '2026-03-01', 'planmaessig', 'bewilligt',
        '50.00', 'hour'
      from help_type where tenant_id = ${tenant.id} and code = '31'`.execute(db);
    await closeCase(cm, caseId);
    await setRules(tenant, { langfristig: 70, kinderschutz: 1, sonstige: 1 });

    at('2040-01-02');
    const later = await Client.as(app, tenant, 'caseManagerA');
    const retention = (await later.get(`/cases/${caseId}/retention`)).json();
    expect(retention).toMatchObject({
      recordClass: 'langfristig',
      state: 'aufzubewahren',
      mayPropose: false,
    });
    expect(retention.retainUntil).toBe('2113-05-16');
    const refused = await later.post(`/cases/${caseId}/retention/proposal`, {
      reason: 'zu früh',
      version: 0,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('caseId');
    const rows = await sql<{ n: number }>`select count(*)::int as n from case_retention
      where tenant_id = ${tenant.id}`.execute(db);
    expect(rows.rows[0]?.n).toBe(0);
  });
});

describe('restriction (Sperrung)', () => {
  it('closes the file to all but its team lead, blocks erasure, and is audited', async () => {
    at('2026-04-01');
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    await closeCase(cm, caseId);
    const tl = await Client.as(app, tenant, 'teamLeadA');
    expect(
      (await cm.post(`/cases/${caseId}/retention/restriction`, { reason: 'Gerichtsverfahren', version: 0 }))
        .statusCode,
    ).toBe(403);
    const restricted = await tl.post(`/cases/${caseId}/retention/restriction`, {
      reason: 'Anhängiges Gerichtsverfahren',
      version: 0,
    });
    expect(restricted.statusCode, restricted.body).toBe(200);
    expect(restricted.json().state).toBe('gesperrt');

    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect((await tl.get(`/cases/${caseId}`)).statusCode).toBe(200);
    const refusals = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where tenant_id = ${tenant.id}
      and entity_id = ${caseId} and action = 'access_denied'`.execute(db);
    expect(refusals.rows[0]?.n).toBeGreaterThanOrEqual(2);

    await setRules(tenant, { langfristig: 70, kinderschutz: 1, sonstige: 1 });
    at('2030-01-02');
    const tlLater = await Client.as(app, tenant, 'teamLeadA');
    const proposal = await tlLater.post(`/cases/${caseId}/retention/proposal`, {
      reason: 'Frist',
      version: 1,
    });
    expect(proposal.statusCode).toBe(409);
    const lifted = await tlLater.delete(`/cases/${caseId}/retention/restriction?version=1`);
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().state).toBe('faellig');
  });
});

describe('the nightly sweep', () => {
  it('tells the team lead once about each file whose retention ended, and deletes nothing', async () => {
    at('2026-04-01');
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId, caseNumber } = await openTestCase(cm);
    await closeCase(cm, caseId);
    await setRules(tenant, { langfristig: 70, kinderschutz: 1, sonstige: 1 });

    expect(await notifyDueFiles(db, tenant.id, '2027-12-31')).toBe(0);
    expect(await notifyDueFiles(db, tenant.id, '2028-01-01')).toBe(1);
    expect(await notifyDueFiles(db, tenant.id, '2028-01-02')).toBe(0);
    const notes = await sql<{ user_id: string; title: string }>`select user_id, title from notification
      where tenant_id = ${tenant.id} and kind = 'aufbewahrung_faellig'`.execute(db);
    expect(notes.rows).toEqual([
      {
        user_id: tenant.users.teamLeadA.id,
        title: `Aufbewahrungsfrist abgelaufen: Akte ${caseNumber} (seit 01.01.2028)`,
      },
    ]);
    const concern = await sql<{
      concern: string;
    }>`select concern from case_file where tenant_id = ${tenant.id}
      and id = ${caseId}`.execute(db);
    expect(concern.rows[0]?.concern).not.toBe('gelöscht');
  });
});

describe('the nightly sweep at scale', () => {
  it('notifies each team’s active leads once per due file, in as many statements for five files as for three', async () => {
    at('2026-04-01');
    const tenant = await createTestTenant(db);
    // Team A gets a second, active team lead and an inactive one; team B keeps its one.
    const lead = (id: string, active: boolean) =>
      db
        .updateTable('app_user')
        .set({ roles: ['team_lead'], active })
        .where('id', '=', id)
        .execute();
    await lead(tenant.users.deputyA.id, true);
    await lead(tenant.users.colleagueA.id, false);
    const open = async (key: 'caseManagerA' | 'caseManagerB', n: number) => {
      const cm = await Client.as(app, tenant, key);
      const team = key === 'caseManagerA' ? 'a' : 'b';
      const street = team === 'a' ? 'Ankerweg' : 'Bojenstraße';
      const files = [];
      for (let i = 0; i < n; i++) {
        const file = await openTestCase(cm, { street, householdName: `Familie ${key} ${i}` });
        await closeCase(cm, file.caseId);
        files.push({ ...file, team });
      }
      return files;
    };
    const first = [...(await open('caseManagerA', 2)), ...(await open('caseManagerB', 1))];
    const later = [...(await open('caseManagerA', 1)), ...(await open('caseManagerB', 1))];
    // Closed a year later (the closing refuses a day after the real today), so due a year later.
    await db
      .updateTable('case_file')
      .set({ closed_on: '2027-01-15' })
      .where('tenant_id', '=', tenant.id)
      .where('id', 'in', [later[0]?.caseId ?? '', later[1]?.caseId ?? ''])
      .execute();
    await setRules(tenant, { langfristig: 70, kinderschutz: 1, sonstige: 1 });

    const sweep = async (today: string) => {
      const counted = countingStatements(db);
      const reported = await notifyDueFiles(counted.db, tenant.id, today);
      return { reported, statements: counted.sent() };
    };
    const three = await sweep('2028-01-01');
    expect(three.reported).toBe(3);
    // Two more due files and three already notified: not one statement more.
    const five = await sweep('2029-01-01');
    expect(five.reported).toBe(2);
    expect(five.statements).toBe(three.statements);
    expect(three.statements).toBeLessThanOrEqual(4);
    const again = await sweep('2029-01-02');
    expect(again).toEqual({ reported: 0, statements: three.statements });

    const rows = await sql<{ user_id: string; title: string; link: string; dedupe_key: string }>`
      select user_id, title, link, dedupe_key from notification
      where tenant_id = ${tenant.id} and kind = 'aufbewahrung_faellig'`.execute(db);
    const { teamLeadA, deputyA, teamLeadB } = tenant.users;
    const expected = [...first, ...later].flatMap((f) => {
      const since = later.includes(f) ? '01.01.2029' : '01.01.2028';
      return (f.team === 'a' ? [teamLeadA.id, deputyA.id] : [teamLeadB.id]).map((userId) => ({
        user_id: userId,
        title: `Aufbewahrungsfrist abgelaufen: Akte ${f.caseNumber} (seit ${since})`,
        link: '/aufbewahrung',
        dedupe_key: `retention-due:${f.caseId}`,
      }));
    });
    const order = (a: { dedupe_key: string; user_id: string }, b: { dedupe_key: string; user_id: string }) =>
      `${a.dedupe_key}${a.user_id}`.localeCompare(`${b.dedupe_key}${b.user_id}`);
    expect(rows.rows.sort(order)).toEqual(expected.sort(order));
    // The inactive team lead got nothing.
    expect(rows.rows.some((r) => r.user_id === tenant.users.colleagueA.id)).toBe(false);
  });
});

describe('bad input', () => {
  it('refuses rules without every class or out of range, naming the field, and changes nothing', async () => {
    const tenant = await createTestTenant(db);
    const admin = await Client.as(app, tenant, 'admin');
    const short = await admin.put('/retention/rules', {
      rules: [{ recordClass: 'sonstige', years: 2 }],
      version: 0,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('rules');
    const zero = await admin.put('/retention/rules', {
      rules: [
        { recordClass: 'langfristig', years: 70 },
        { recordClass: 'kinderschutz', years: 0 },
        { recordClass: 'sonstige', years: 5 },
      ],
      version: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].field).toBe('rules.1.years');
    expect((await admin.get('/retention/rules')).json().version).toBe(0);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.put('/retention/rules', { rules: [], version: 0 })).statusCode).toBe(403);
  });
});
