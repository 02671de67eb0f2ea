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

/** A case of team A led by caseManagerA (deputised by deputyA), and the team lead's client. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  const lead = await Client.as(app, tenant, 'teamLeadA');
  return { db, tenant, cm, lead, caseId };
}

async function auditOf(db: Awaited<ReturnType<typeof testDatabase>>['db'], tenantId: string, caseId: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'entity_type'])
    .where('tenant_id', '=', tenantId)
    .where('entity_id', '=', caseId)
    .where('entity_type', '=', 'case_access')
    .orderBy('pending_id')
    .execute();
}

describe('GET /cases/:id/access', () => {
  it('shows the team lead who has access and why, with who granted access and when, and audits the read', async () => {
    const { db, tenant, lead, caseId } = await setup();
    const before = Date.now();
    expect(
      (await lead.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {})).statusCode,
    ).toBe(204);
    const res = await lead.get(`/cases/${caseId}/access`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.caseId).toBe(caseId);
    expect(body.entries.map((e: { user: { id: string }; reason: string }) => [e.reason, e.user.id])).toEqual([
      ['lead', tenant.users.caseManagerA.id],
      ['deputy', tenant.users.deputyA.id],
      ['team_lead', tenant.users.teamLeadA.id],
      ['granted', tenant.users.colleagueA.id],
    ]);
    const granted = body.entries[3];
    expect(granted).toMatchObject({
      user: { name: 'Test colleagueA' },
      active: true,
      grantedBy: { id: tenant.users.teamLeadA.id, name: 'Test teamLeadA' },
    });
    expect(Date.parse(granted.grantedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(body.entries[0]).toMatchObject({ grantedBy: null, grantedAt: null });
    const audit = await auditOf(db, tenant.id, caseId);
    expect(audit.at(-1)).toEqual({
      action: 'read',
      actor_id: tenant.users.teamLeadA.id,
      entity_type: 'case_access',
    });
  });

  it('lets the lead case manager see the list too', async () => {
    const { cm, caseId } = await setup();
    const res = await cm.get(`/cases/${caseId}/access`);
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.map((e: { reason: string }) => e.reason)).toEqual([
      'lead',
      'deputy',
      'team_lead',
    ]);
  });

  it('refuses deputy, granted colleague and other teams, and audits each refusal', async () => {
    const { db, tenant, lead, caseId } = await setup();
    await lead.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {});
    for (const who of ['deputyA', 'colleagueA', 'caseManagerB', 'teamLeadB'] as const) {
      const client = await Client.as(app, tenant, who);
      const res = await client.get(`/cases/${caseId}/access`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().detail, who).toMatch(/Zugriff/);
    }
    const refusals = (await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .orderBy('pending_id')
      .execute()) as { actor_id: string; entity_type: string }[];
    expect(refusals.map((r) => r.actor_id)).toEqual([
      tenant.users.deputyA.id,
      tenant.users.colleagueA.id,
      tenant.users.caseManagerB.id,
      tenant.users.teamLeadB.id,
    ]);
    // Deputy and colleague may read the case, but not the list; the others may not read the case at all.
    expect(refusals.map((r) => r.entity_type)).toEqual(['case_access', 'case_access', 'case', 'case']);
    expect((await auditOf(db, tenant.id, caseId)).filter((a) => a.action === 'read')).toEqual([]);
  });

  it('follows a change of the lead and a revoked grant', async () => {
    const { tenant, lead, caseId } = await setup();
    await lead.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {});
    const version = (await lead.get(`/cases/${caseId}`)).json().version;
    expect(
      (await lead.put(`/cases/${caseId}/lead`, { leadUserId: tenant.users.colleagueA.id, version }))
        .statusCode,
    ).toBe(204);
    expect(
      (await lead.delete(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`)).statusCode,
    ).toBe(204);
    const entries = (await lead.get(`/cases/${caseId}/access`)).json().entries;
    // colleagueA has no deputy; caseManagerA lost access with the lead.
    expect(entries.map((e: { user: { id: string }; reason: string }) => [e.reason, e.user.id])).toEqual([
      ['lead', tenant.users.colleagueA.id],
      ['team_lead', tenant.users.teamLeadA.id],
    ]);
  });

  it('answers 404 for a case that does not exist', async () => {
    const { lead } = await setup();
    expect((await lead.get('/cases/00000000-0000-4000-8000-000000000000/access')).statusCode).toBe(404);
  });
});
