import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase, person, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/**
 * A household shows the whole family. Opening a case on one, or linking its persons into another household, must
 * not be a way around the case-access rule (finding 1 of the security review).
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const intake = (householdId: string) => ({
  householdId,
  openedOn: '2026-02-02',
  accessRoute: 'selbstmeldung',
  reporter: null,
  concern: 'Die Mutter bittet um Beratung.',
});

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cmA = await Client.as(app, tenant, 'caseManagerA');
  const opened = await openTestCase(cmA);
  return { db, tenant, cmA, ...opened };
}

async function deniedOn(tenantId: string, entityType: string, entityId: string) {
  const { db } = await testDatabase();
  return db
    .selectFrom('audit_log')
    .select(['actor_id'])
    .where('tenant_id', '=', tenantId)
    .where('action', '=', 'access_denied')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}

describe('opening a case on an existing household', () => {
  it("refuses another team's case manager, opens no case and audits the refusal", async () => {
    const { db, tenant, householdId } = await setup();
    const cmB = await Client.as(app, tenant, 'caseManagerB');
    const res = await cmB.post('/cases', intake(householdId));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const cases = await db
      .selectFrom('case_file')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('household_id', '=', householdId)
      .execute();
    expect(cases).toHaveLength(1);
    expect((await cmB.get('/cases')).json().items).toEqual([]);
    expect((await deniedOn(tenant.id, 'household', householdId)).map((d) => d.actor_id)).toEqual([
      tenant.users.caseManagerB.id,
    ]);
  });

  it('lets someone with access to one of its cases open another (the lead, the granted colleague)', async () => {
    const { tenant, cmA, householdId, caseId } = await setup();
    expect((await cmA.post('/cases', intake(householdId))).statusCode).toBe(201);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect(
      (await lead.put(`/cases/${caseId}/access-grants/${tenant.users.caseManagerB.id}`, {})).statusCode,
    ).toBe(204);
    const cmB = await Client.as(app, tenant, 'caseManagerB');
    expect((await cmB.post('/cases', intake(householdId))).statusCode).toBe(201);
  });

  it('cannot be used to undo a revoked access grant', async () => {
    const { tenant, householdId, caseId } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const colleague = tenant.users.colleagueA.id;
    expect((await lead.put(`/cases/${caseId}/access-grants/${colleague}`, {})).statusCode).toBe(204);
    expect((await lead.delete(`/cases/${caseId}/access-grants/${colleague}`)).statusCode).toBe(204);
    const cm = await Client.as(app, tenant, 'colleagueA');
    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect((await cm.post('/cases', intake(householdId))).statusCode).toBe(403);
  });

  it('keeps a household without a case to whoever registered it and the lead of its team', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cmA = await Client.as(app, tenant, 'caseManagerA');
    const household = await cmA.post('/households', {
      name: 'Familie Neu',
      address: testAddress(cmA, 'Ankerweg', '3'),
      members: [
        {
          personId: null,
          person: person('Lea', 'Neu', '1990-01-01', 'weiblich'),
          role: 'mutter',
          custody: null,
        },
      ],
    });
    expect(household.statusCode).toBe(201);
    const householdId = household.json().id as string;
    for (const user of ['caseManagerB', 'colleagueA', 'teamLeadB'] as const) {
      const res = await (await Client.as(app, tenant, user)).post('/cases', intake(householdId));
      expect({ user, status: res.statusCode }).toEqual({ user, status: 403 });
    }
    expect((await cmA.post('/cases', intake(householdId))).statusCode).toBe(201);
    // A second household without a case: the lead of its team may open one too.
    const second = await cmA.post('/households', {
      name: 'Familie Zwei',
      address: testAddress(cmA, 'Ankerweg', '5'),
      members: [
        {
          personId: null,
          person: person('Ina', 'Zwei', '1991-02-02', 'weiblich'),
          role: 'mutter',
          custody: null,
        },
      ],
    });
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.post('/cases', intake(second.json().id))).statusCode).toBe(201);
  });
});

describe('linking known persons into a new household', () => {
  it("refuses a person of another team's family and writes nothing", async () => {
    const { db, tenant, householdId } = await setup();
    const mother = await db
      .selectFrom('household_member')
      .select('person_id')
      .where('tenant_id', '=', tenant.id)
      .where('household_id', '=', householdId)
      .where('role', '=', 'mutter')
      .executeTakeFirstOrThrow();
    const cmB = await Client.as(app, tenant, 'caseManagerB');
    const res = await cmB.post('/households', {
      name: 'Familie Umzug',
      address: testAddress(cmB, 'Bojenstraße', '1'),
      members: [{ personId: mother.person_id, person: null, role: 'mutter', custody: null }],
    });
    expect(res.statusCode).toBe(403);
    const households = await db
      .selectFrom('household')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(households).toHaveLength(1);
    expect((await deniedOn(tenant.id, 'person', mother.person_id)).map((d) => d.actor_id)).toEqual([
      tenant.users.caseManagerB.id,
    ]);
  });
});
