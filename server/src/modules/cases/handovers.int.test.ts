import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

type Db = Awaited<ReturnType<typeof testDatabase>>['db'];

/** A case of team A (Ankerweg), led by caseManagerA, with one resource. */
async function caseOfTeamA() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const { caseId, householdId } = await openTestCase(cm);
  const resource = await cm.post(`/cases/${caseId}/resources`, {
    area: 'sozial',
    description: 'Onkel hilft bei der Schule',
    goalId: null,
    directoryEntryId: null,
  });
  expect(resource.statusCode).toBe(201);
  const version = (await cm.get(`/cases/${caseId}`)).json().version as number;
  return { db, tenant, cm, lead, caseId, householdId, version };
}

const rows = (db: Db, table: 'case_team_change' | 'case_transfer' | 'case_transmission', caseId: string) =>
  db.selectFrom(table).selectAll().where('case_id', '=', caseId).execute();

const caseRow = (db: Db, caseId: string) =>
  db
    .selectFrom('case_file')
    .select(['team_id', 'lead_user_id', 'status', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();

const refusalsOn = (db: Db, tenantId: string, caseId: string) =>
  db
    .selectFrom('audit_log')
    .select(['actor_id', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('entity_id', '=', caseId)
    .where('action', '=', 'access_denied')
    .orderBy('pending_id')
    .execute();

describe('Fall umziehen (the family moves)', () => {
  it('gives the case to the team of the new address: the old team loses access (403, audited), the new team reads it with its history', async () => {
    const { db, tenant, cm, lead, caseId, householdId, version } = await caseOfTeamA();
    const res = await lead.post(`/cases/${caseId}/move`, {
      address: testAddress(cm, 'Bojenstraße', '3'),
      reason: 'Die Familie ist nach Südhafen gezogen.',
      version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await caseRow(db, caseId)).toMatchObject({ team_id: tenant.teams.b, lead_user_id: null });
    const household = await db
      .selectFrom('household')
      .select(['street_id', 'house_number', 'team_id', 'district_id'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    expect(household).toEqual({
      street_id: tenant.streets.b,
      house_number: '3',
      team_id: tenant.teams.b,
      district_id: tenant.districts.b,
    });
    const [change] = await rows(db, 'case_team_change', caseId);
    expect(change).toMatchObject({
      id: res.json().id,
      from_team_id: tenant.teams.a,
      to_team_id: tenant.teams.b,
      from_lead_user_id: tenant.users.caseManagerA.id,
      address_changed: true,
      moved_by: tenant.users.teamLeadA.id,
    });

    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect((await lead.get(`/cases/${caseId}`)).statusCode).toBe(403);
    const refusals = await refusalsOn(db, tenant.id, caseId);
    expect(refusals.map((r) => r.actor_id)).toEqual([
      tenant.users.caseManagerA.id,
      tenant.users.teamLeadA.id,
    ]);

    const leadB = await Client.as(app, tenant, 'teamLeadB');
    const detail = (await leadB.get(`/cases/${caseId}`)).json();
    expect(detail.team.id).toBe(tenant.teams.b);
    expect(detail.resources).toHaveLength(1);
    const moved = detail.timeline.find((e: { kind: string }) => e.kind === 'umzug');
    expect(moved.text).toContain('Team A an Team B');
    expect(moved.text).toContain('nach Südhafen gezogen');
    const audited = await db
      .selectFrom('audit_log')
      .select(['details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'case_team_change')
      .execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]?.details)).not.toContain('Südhafen gezogen');
  });

  it('keeps the former lead reading the case until the end of a grant given in the same step', async () => {
    const { db, tenant, cm, lead, caseId, version } = await caseOfTeamA();
    const res = await lead.post(`/cases/${caseId}/move`, {
      teamId: tenant.teams.b,
      reason: 'Übergabe an das Team im Süden.',
      grant: { userId: tenant.users.caseManagerA.id, validUntil: '2099-12-31' },
      version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(200);
    const colleague = await Client.as(app, tenant, 'colleagueA');
    expect((await colleague.get(`/cases/${caseId}`)).statusCode).toBe(403);
    const [change] = await rows(db, 'case_team_change', caseId);
    expect(change).toMatchObject({ address_changed: false, grant_valid_until: '2099-12-31' });
  });

  it('refuses a team that does not exist (400 teamId), an address without a team and the same team, writing nothing', async () => {
    const { db, tenant, cm, lead, caseId, version } = await caseOfTeamA();
    const before = await caseRow(db, caseId);
    expectFieldProblem(
      await lead.post(`/cases/${caseId}/move`, {
        teamId: '00000000-0000-4000-8000-000000000000',
        reason: 'Umzug',
        version,
      }),
      'teamId',
    );
    expectFieldProblem(
      await lead.post(`/cases/${caseId}/move`, { teamId: tenant.teams.a, reason: 'Umzug', version }),
      'teamId',
    );
    expectFieldProblem(
      await lead.post(`/cases/${caseId}/move`, {
        address: testAddress(cm, 'Ankerweg', '9'),
        reason: 'Umzug',
        version,
      }),
      'address',
    );
    expectFieldProblem(await lead.post(`/cases/${caseId}/move`, { reason: 'Umzug', version }), 'address');
    expectFieldProblem(
      await lead.post(`/cases/${caseId}/move`, { teamId: tenant.teams.b, reason: '  ', version }),
      'reason',
    );
    expectFieldProblem(
      await lead.post(`/cases/${caseId}/move`, {
        teamId: tenant.teams.b,
        reason: 'Umzug',
        grant: { userId: tenant.users.caseManagerA.id, validUntil: '2020-01-01' },
        version,
      }),
      'grant.validUntil',
    );
    expect(await caseRow(db, caseId)).toEqual(before);
    expect(await rows(db, 'case_team_change', caseId)).toEqual([]);
  });

  it('lets the lead case manager move by address but not name a team; deputies and stale versions are refused', async () => {
    const { db, tenant, cm, caseId, version } = await caseOfTeamA();
    const named = await cm.post(`/cases/${caseId}/move`, {
      teamId: tenant.teams.b,
      reason: 'Umzug',
      version,
    });
    expect(named.statusCode).toBe(403);
    const deputy = await Client.as(app, tenant, 'deputyA');
    expect((await cm.get(`/cases/${caseId}`)).json().mayHandOver).toBe(true);
    expect((await deputy.get(`/cases/${caseId}`)).json().mayHandOver).toBe(false);
    const byDeputy = await deputy.post(`/cases/${caseId}/move`, {
      address: testAddress(cm, 'Bojenstraße', '3'),
      reason: 'Umzug',
      version,
    });
    expect(byDeputy.statusCode).toBe(403);
    expect((await refusalsOn(db, tenant.id, caseId)).map((r) => r.actor_id)).toEqual([
      tenant.users.caseManagerA.id,
      tenant.users.deputyA.id,
    ]);
    const stale = await cm.post(`/cases/${caseId}/move`, {
      address: testAddress(cm, 'Bojenstraße', '3'),
      reason: 'Umzug',
      version: version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(await rows(db, 'case_team_change', caseId)).toEqual([]);
    const ok = await cm.post(`/cases/${caseId}/move`, {
      address: testAddress(cm, 'Bojenstraße', '3'),
      reason: 'Umzug',
      version,
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

const transfer = (version: number, measures?: unknown[]) => ({
  receivingOffice: 'Jugendamt Musterstadt',
  transferredOn: '2026-06-30',
  reason: 'Die Familie ist nach Musterstadt verzogen (gewöhnlicher Aufenthalt).',
  outcome: 'teilweise',
  version,
  ...(measures ? { measures } : {}),
});

describe('Abgabe an ein anderes Jugendamt (§ 86c)', () => {
  it('closes the case with the transfer record, shown in the Verlauf, and the package follows on a legal basis', async () => {
    const { db, tenant, cm, caseId, version } = await caseOfTeamA();
    const early = await cm.get(`/cases/${caseId}/handover-package?legalBasis=sgb8_86c`);
    expect(early.statusCode).toBe(409);
    const res = await cm.post(`/cases/${caseId}/transfer`, transfer(version));
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ status: 'abgeschlossen', closedOn: '2026-06-30' });
    expect(detail.closing.reason).toBe('zustaendigkeitswechsel');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'abgabe').text).toContain(
      'Jugendamt Musterstadt',
    );
    const [record] = await rows(db, 'case_transfer', caseId);
    expect(record).toMatchObject({
      receiving_office: 'Jugendamt Musterstadt',
      transferred_on: '2026-06-30',
      transferred_by: tenant.users.caseManagerA.id,
    });

    expectFieldProblem(await cm.get(`/cases/${caseId}/handover-package`), 'legalBasis');
    expectFieldProblem(await cm.get(`/cases/${caseId}/handover-package?legalBasis=erfunden`), 'legalBasis');
    expect(await rows(db, 'case_transmission', caseId)).toEqual([]);

    const pkg = await cm.get(`/cases/${caseId}/handover-package?legalBasis=sgb8_86c`);
    expect(pkg.statusCode, pkg.body.slice(0, 200)).toBe(200);
    expect(pkg.headers['content-type']).toBe('application/pdf');
    expect(pkg.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [sent] = await rows(db, 'case_transmission', caseId);
    expect(sent).toMatchObject({
      document_kind: 'uebergabepaket',
      recipient_kind: 'jugendamt',
      recipient: 'Jugendamt Musterstadt',
      legal_basis: 'sgb8_86c',
      consent_id: null,
      transmitted_by: tenant.users.caseManagerA.id,
    });
  });

  it('refuses the handover to a deputy and without decisions on running help, closing nothing', async () => {
    const s = await setupMeasures(app);
    const running = await s.cm.post(`/cases/${s.caseId}/measures`, s.measure({}));
    expect(running.json().status).toBe('bewilligt');
    const deputy = await Client.as(app, s.tenant, 'deputyA');
    expect((await deputy.post(`/cases/${s.caseId}/transfer`, transfer(1))).statusCode).toBe(403);
    expectFieldProblem(await s.cm.post(`/cases/${s.caseId}/transfer`, transfer(1)), 'measures');
    expectFieldProblem(
      await s.cm.post(`/cases/${s.caseId}/transfer`, { ...transfer(1), receivingOffice: '' }),
      'receivingOffice',
    );
    expect(await rows(s.db, 'case_transfer', s.caseId)).toEqual([]);
    expect((await caseRow(s.db, s.caseId)).status).toBe('offen');
    const done = await s.cm.post(
      `/cases/${s.caseId}/transfer`,
      transfer(1, [
        { measureId: running.json().id, action: 'beenden', endReason: 'zustaendigkeitswechsel', version: 1 },
      ]),
    );
    expect(done.statusCode, done.body).toBe(201);
    const measures = (await s.cm.get(`/cases/${s.caseId}/measures`)).json();
    expect(measures[0]).toMatchObject({ endOn: '2026-06-30', endReason: 'zustaendigkeitswechsel' });
  });
});
