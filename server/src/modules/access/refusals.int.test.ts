import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { refusalOfRoute } from './refusals.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function deniedEntries(tenant: TestTenant) {
  const { db } = await testDatabase();
  return db
    .selectFrom('audit_log')
    .select(['actor_id', 'entity_type', 'entity_id', 'details'])
    .where('tenant_id', '=', tenant.id)
    .where('action', '=', 'access_denied')
    .orderBy('pending_id')
    .execute();
}

describe('refusals are audited like granted access', () => {
  it('names a record type or an area of the application for a refusal on every registered route', () => {
    const routes = app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.permission !== 'public',
    );
    expect(routes.length).toBeGreaterThan(40);
    const unnamed = routes
      .map((r) => ({
        route: `${r.method} ${r.url}`,
        entry: refusalOfRoute({ method: r.method, route: r.url, params: {} }),
      }))
      .filter(({ entry }) => entry.entityType === 'route')
      .map(({ route }) => route);
    expect(unnamed).toEqual([]);
  });

  it('records a refusal at the role check with the case, the route and the permission lacking', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const { caseId } = await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
    const director = await Client.as(app, tenant, 'director');
    const res = await director.get(`/cases/${caseId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('Berechtigung');
    expect(await deniedEntries(tenant)).toEqual([
      {
        actor_id: tenant.users.director.id,
        entity_type: 'case',
        entity_id: caseId,
        details: { purpose: 'read', route: 'GET /api/v1/cases/:id', permission: 'case:work' },
      },
    ]);
  });

  it('records refusals at the role check on routes without a record, and changes nothing else', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const before = await db.selectFrom('district').select('id').where('tenant_id', '=', tenant.id).execute();
    expect((await controller.get('/audit')).statusCode).toBe(403);
    expect((await controller.post('/organisation/districts', { name: 'Neu', code: 'NEU' })).statusCode).toBe(
      403,
    );
    expect(await deniedEntries(tenant)).toEqual([
      {
        actor_id: tenant.users.controller.id,
        entity_type: 'audit_log',
        entity_id: null,
        details: { purpose: 'read', route: 'GET /api/v1/audit', permission: 'audit:read' },
      },
      {
        actor_id: tenant.users.controller.id,
        entity_type: 'district',
        entity_id: null,
        details: {
          purpose: 'write',
          route: 'POST /api/v1/organisation/districts',
          permission: 'organisation:manage',
        },
      },
    ]);
    const after = await db.selectFrom('district').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(after).toEqual(before);
  });

  it('records refused team-lead actions on a case (allocating the lead, granting access)', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const colleague = tenant.users.colleagueA.id;
    expect((await cm.put(`/cases/${caseId}/lead`, { leadUserId: colleague, version: 1 })).statusCode).toBe(
      403,
    );
    expect((await cm.put(`/cases/${caseId}/access-grants/${colleague}`, {})).statusCode).toBe(403);
    expect(await deniedEntries(tenant)).toEqual([
      {
        actor_id: tenant.users.caseManagerA.id,
        entity_type: 'case',
        entity_id: caseId,
        details: { purpose: 'allocate_lead' },
      },
      {
        actor_id: tenant.users.caseManagerA.id,
        entity_type: 'case',
        entity_id: caseId,
        details: { purpose: 'grant_access' },
      },
    ]);
  });

  it('records a refusal that already carries its entry once, not twice', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const { caseId } = await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect(await deniedEntries(tenant)).toEqual([
      {
        actor_id: tenant.users.caseManagerB.id,
        entity_type: 'case',
        entity_id: caseId,
        details: { purpose: 'read' },
      },
    ]);
  });

  it('keeps an id that is not well-formed out of the entry, and the chain verifies', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const director = await Client.as(app, tenant, 'director');
    expect((await director.get('/cases/Muster%20Max%202013')).statusCode).toBe(403);
    const [entry] = await deniedEntries(tenant);
    expect(entry).toMatchObject({ entity_type: 'case', entity_id: null });
    expect(JSON.stringify(entry)).not.toContain('Muster');
    const verify = await (await Client.as(app, tenant, 'admin')).get('/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, broken: [] });
  });

  it("records a probe for a record the tenant does not have (another tenant's case, an id never issued) as not found", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const foreign = await createTestTenant(db);
    const { caseId: foreignCase } = await openTestCase(await Client.as(app, foreign, 'caseManagerA'));
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const probe = await cm.get(`/cases/${foreignCase}`);
    expect(probe.statusCode).toBe(404);
    expect(probe.body).not.toContain(foreign.slug);
    expect(
      (await cm.put(`/cases/${unknown}/lead`, { leadUserId: tenant.users.colleagueA.id, version: 1 }))
        .statusCode,
    ).toBe(404);
    const probes = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type', 'entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'not_found')
      .orderBy('pending_id')
      .execute();
    expect(probes).toEqual([
      {
        actor_id: tenant.users.caseManagerA.id,
        entity_type: 'case',
        entity_id: foreignCase,
        details: { purpose: 'read', route: 'GET /api/v1/cases/:id' },
      },
      {
        actor_id: tenant.users.caseManagerA.id,
        entity_type: 'case',
        entity_id: unknown,
        details: { purpose: 'write', route: 'PUT /api/v1/cases/:id/lead' },
      },
    ]);
    // A 404 is no refusal of an existing record, and the other tenant's trail learns nothing of the probe.
    expect(await deniedEntries(tenant)).toEqual([]);
    const foreignProbes = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('tenant_id', '=', foreign.id)
      .where('action', '=', 'not_found')
      .execute();
    expect(foreignProbes).toEqual([]);
  });

  it('records nothing for a request without a session or to an address that does not exist', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect(
      (await new Client(app, tenant).get('/cases/00000000-0000-4000-8000-00000000abcd')).statusCode,
    ).toBe(401);
    expect((await cm.get('/no-such-area/00000000-0000-4000-8000-00000000abcd')).statusCode).toBe(404);
    const entries = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .where('action', 'in', ['not_found', 'access_denied'])
      .execute();
    expect(entries).toEqual([]);
  });
});
