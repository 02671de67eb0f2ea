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

const closing = {
  closedOn: '2026-03-01',
  reason: 'ziele_erreicht',
  outcome: 'positiv',
  tip: 'Der Onkel war die wichtigste Ressource.',
};

/** A case of team A, led by caseManagerA, with one resource, closed; answers its version after the closing. */
async function closedCase() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  const resource = await cm.post(`/cases/${caseId}/resources`, {
    area: 'sozial',
    description: 'Onkel hilft bei der Schule',
    goalId: null,
    directoryEntryId: null,
  });
  expect(resource.statusCode).toBe(201);
  expect((await cm.post(`/cases/${caseId}/close`, { ...closing, version: 1 })).statusCode).toBe(204);
  const version = (await cm.get(`/cases/${caseId}`)).json().version as number;
  return { db, tenant, cm, caseId, version };
}

const reopeningsOf = (db: Awaited<ReturnType<typeof testDatabase>>['db'], tenantId: string, caseId: string) =>
  db
    .selectFrom('case_reopening')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();

describe('Wiederaufnahme', () => {
  it('lets the team lead reopen a closed case: open again, history kept, closing kept, audited', async () => {
    const { db, tenant, caseId, version } = await closedCase();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.get(`/cases/${caseId}`)).json().mayReopen).toBe(true);
    const res = await lead.post(`/cases/${caseId}/reopen`, {
      reason: 'Neue Meldung der Schule, die Familie bittet erneut um Hilfe.',
      version,
    });
    expect(res.statusCode).toBe(201);
    const detail = (await lead.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({
      status: 'offen',
      closedOn: null,
      closing: null,
      version: version + 1,
      mayReopen: false,
    });
    expect(detail.resources).toHaveLength(1);
    const kinds = detail.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('wiederaufnahme');
    expect(kinds).toContain('abschluss');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'wiederaufnahme').text).toContain(
      'Neue Meldung der Schule',
    );
    const [kept] = await reopeningsOf(db, tenant.id, caseId);
    expect(kept).toMatchObject({
      id: res.json().id,
      reopened_by: tenant.users.teamLeadA.id,
      closed_on: '2026-03-01',
      closing_reason: 'ziele_erreicht',
      closing_outcome: 'positiv',
      closing_tip: closing.tip,
    });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'actor_id'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'case_reopening')
      .execute();
    expect(audit).toEqual([
      {
        action: 'create',
        entity_type: 'case_reopening',
        entity_id: kept?.id,
        actor_id: tenant.users.teamLeadA.id,
      },
    ]);
    // Open again, the case takes changes and can be closed once more.
    const closedAgain = await lead.post(`/cases/${caseId}/close`, { ...closing, version: detail.version });
    expect(closedAgain.statusCode).toBe(204);
  });

  it('lets the lead case manager reopen her closed case', async () => {
    const { cm, caseId, version } = await closedCase();
    const res = await cm.post(`/cases/${caseId}/reopen`, { reason: 'Rückfall nach dem Abschluss.', version });
    expect(res.statusCode).toBe(201);
    expect((await cm.get(`/cases/${caseId}`)).json().status).toBe('offen');
  });

  it('refuses a case manager of another team and a deputy, audits both refusals, and writes nothing', async () => {
    const { db, tenant, caseId, version } = await closedCase();
    const deputy = await Client.as(app, tenant, 'deputyA');
    expect((await deputy.get(`/cases/${caseId}`)).json().mayReopen).toBe(false);
    for (const who of ['caseManagerB', 'deputyA'] as const) {
      const other = await Client.as(app, tenant, who);
      const res = await other.post(`/cases/${caseId}/reopen`, { reason: 'Ich übernehme.', version });
      expect(res.statusCode).toBe(403);
    }
    const refusals = await db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .orderBy('pending_id')
      .execute();
    expect(refusals.map((r) => r.actor_id)).toEqual([tenant.users.caseManagerB.id, tenant.users.deputyA.id]);
    expect(await reopeningsOf(db, tenant.id, caseId)).toEqual([]);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.get(`/cases/${caseId}`)).json().status).toBe('abgeschlossen');
  });

  it('refuses an empty reason naming the field, and writes nothing', async () => {
    const { db, tenant, cm, caseId, version } = await closedCase();
    const res = await cm.post(`/cases/${caseId}/reopen`, { reason: '   ', version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'reason', message: 'Bitte ausfüllen.' });
    expect(await reopeningsOf(db, tenant.id, caseId)).toEqual([]);
    expect((await cm.get(`/cases/${caseId}`)).json()).toMatchObject({ status: 'abgeschlossen', version });
  });

  it('refuses to reopen a case that is open, with a German message', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const res = await cm.post(`/cases/${caseId}/reopen`, { reason: 'Versehen', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('nicht abgeschlossen');
    expect(await reopeningsOf(db, tenant.id, caseId)).toEqual([]);
  });

  it('refuses a reopening based on a stale version, and the case stays closed', async () => {
    const { db, tenant, cm, caseId, version } = await closedCase();
    const res = await cm.post(`/cases/${caseId}/reopen`, { reason: 'Neue Meldung', version: version - 1 });
    expect(res.statusCode).toBe(409);
    expect(await reopeningsOf(db, tenant.id, caseId)).toEqual([]);
    expect((await cm.get(`/cases/${caseId}`)).json().status).toBe('abgeschlossen');
  });
});

describe('Übergabenotiz', () => {
  it('keeps the note with a change of Fallführung and shows it in the Verlauf', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const res = await lead.put(`/cases/${caseId}/lead`, {
      leadUserId: tenant.users.colleagueA.id,
      handoverNote: 'Mutter bevorzugt Termine am Vormittag.',
      version: 1,
    });
    expect(res.statusCode).toBe(204);
    const change = await db
      .selectFrom('case_lead_change')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      from_user_id: tenant.users.caseManagerA.id,
      to_user_id: tenant.users.colleagueA.id,
      note: 'Mutter bevorzugt Termine am Vormittag.',
      changed_by: tenant.users.teamLeadA.id,
    });
    const detail = (await lead.get(`/cases/${caseId}`)).json();
    const entry = detail.timeline.find((e: { kind: string }) => e.kind === 'fallfuehrung');
    expect(entry.text).toContain('Mutter bevorzugt Termine am Vormittag.');
    expect(detail.lead.id).toBe(tenant.users.colleagueA.id);
  });
});
