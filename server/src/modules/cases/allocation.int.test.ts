import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

type Db = Awaited<ReturnType<typeof testDatabase>>['db'];
type Address = { kind: string; streetId: string | null; houseNumber: string | null };

const intake = (householdId: string) => ({
  householdId,
  openedOn: '2026-02-03',
  accessRoute: 'selbstmeldung',
  reporter: null,
  concern: 'Die Mutter sucht Unterstützung.',
});

/** Registers a family at `address` and opens its case, as `client`. */
async function openAt(client: Client, address: Address, name = 'Familie Ohnezuständig') {
  const household = await client.post('/households', {
    name,
    address,
    members: [
      {
        personId: null,
        person: person('Lea', name.slice(8), '1990-03-04', 'weiblich'),
        role: 'mutter',
        custody: null,
      },
    ],
  });
  expect(household.statusCode).toBe(201);
  const opened = await client.post('/cases', intake(household.json().id));
  expect(opened.statusCode).toBe(201);
  return { householdId: household.json().id as string, caseId: opened.json().id as string };
}

/** A street an admin added to the directory without any responsibility. */
async function streetWithoutTeam(tenant: TestTenant) {
  const admin = await Client.as(app, tenant, 'admin');
  const res = await admin.post('/organisation/streets', {
    districtId: tenant.districts.b,
    name: 'Neubaugebiet Am Deich',
    postalCode: '47002',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function auditOf(db: Db, tenantId: string, entityType: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'entity_id', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('entity_type', '=', entityType)
    .orderBy('pending_id')
    .execute();
}

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const leadA = await Client.as(app, tenant, 'teamLeadA');
  return { db, tenant, cm, leadA };
}

describe('intake at an address no team is responsible for', () => {
  it('opens the case without team and lead, keeps the taker in, and puts it on the allocation list', async () => {
    const { db, tenant, cm, leadA } = await setup();
    const streetId = await streetWithoutTeam(tenant);
    const { caseId } = await openAt(cm, { kind: 'fest', streetId, houseNumber: '4' });

    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ team: null, lead: null, access: 'granted' });
    expect(detail.district).toEqual({ id: tenant.districts.b, name: 'Südhafen' });
    expect(detail.household.address).toEqual({
      kind: 'fest',
      street: 'Neubaugebiet Am Deich',
      houseNumber: '4',
      postalCode: '47002',
    });

    const list = await leadA.get('/cases/allocation');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      {
        id: caseId,
        caseNumber: expect.stringMatching(/^2026-\d{5}$/),
        openedOn: '2026-02-03',
        accessRoute: 'selbstmeldung',
        address: { kind: 'fest', street: 'Neubaugebiet Am Deich', postalCode: '47002', district: 'Südhafen' },
        takenBy: 'Test caseManagerA',
        version: expect.any(Number),
      },
    ]);
    // Every team lead sees the list; reading it is audited with the cases it showed.
    expect((await (await Client.as(app, tenant, 'teamLeadB')).get('/cases/allocation')).json()).toHaveLength(
      1,
    );
    const reads = await auditOf(db, tenant.id, 'case_allocation');
    expect(reads[0]).toMatchObject({
      action: 'read',
      actor_id: tenant.users.teamLeadA.id,
      details: { cases: [caseId] },
    });
    const created = (await auditOf(db, tenant.id, 'case')).find((e) => e.action === 'create');
    expect(created?.details).toEqual({ allocation: 'pending' });
  });

  it('keeps the case file closed to team leads until it is allocated', async () => {
    const { tenant, cm, leadA } = await setup();
    const { caseId } = await openAt(cm, {
      kind: 'fest',
      streetId: await streetWithoutTeam(tenant),
      houseNumber: '1',
    });
    expect((await leadA.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect((await leadA.get('/cases?scope=team')).json().items).toEqual([]);
  });
});

describe('PUT /cases/:id/allocation', () => {
  it('lets a team lead take the case into her team with a lead case manager, audited', async () => {
    const { db, tenant, cm, leadA } = await setup();
    const { caseId } = await openAt(cm, {
      kind: 'fest',
      streetId: await streetWithoutTeam(tenant),
      houseNumber: '2',
    });
    const [item] = (await leadA.get('/cases/allocation')).json();

    const res = await leadA.put(`/cases/${caseId}/allocation`, {
      leadUserId: tenant.users.colleagueA.id,
      version: item.version,
    });
    expect(res.statusCode).toBe(204);
    const detail = (await leadA.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({
      team: { id: tenant.teams.a },
      lead: { id: tenant.users.colleagueA.id },
      access: 'team_lead',
    });
    expect((await leadA.get('/cases/allocation')).json()).toEqual([]);
    const allocated = (await auditOf(db, tenant.id, 'case')).find(
      (e) => e.action === 'update' && e.entity_id === caseId,
    );
    expect(allocated).toMatchObject({
      actor_id: tenant.users.teamLeadA.id,
      details: {
        fields: ['teamId', 'leadUserId'],
        allocation: 'allocated',
        teamId: tenant.teams.a,
        leadUserId: tenant.users.colleagueA.id,
      },
    });
    // Allocated is allocated: another team lead cannot take it over this way.
    const again = await (await Client.as(app, tenant, 'teamLeadB')).put(`/cases/${caseId}/allocation`, {
      leadUserId: tenant.users.caseManagerB.id,
      version: detail.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a case manager, for the list and the allocation, and audits both refusals', async () => {
    const { db, tenant, cm } = await setup();
    const { caseId } = await openAt(cm, {
      kind: 'fest',
      streetId: await streetWithoutTeam(tenant),
      houseNumber: '3',
    });
    expect((await cm.get('/cases/allocation')).statusCode).toBe(403);
    const res = await cm.put(`/cases/${caseId}/allocation`, {
      leadUserId: tenant.users.caseManagerA.id,
      version: 1,
    });
    expect(res.statusCode).toBe(403);
    expect((await cm.get(`/cases/${caseId}`)).json().team).toBeNull();
    const refusals = (await auditOf(db, tenant.id, 'case_allocation')).concat(
      (await auditOf(db, tenant.id, 'case')).filter((e) => e.action === 'access_denied'),
    );
    expect(refusals.map((e) => [e.action, e.entity_id, e.details])).toEqual([
      ['access_denied', null, { purpose: 'read' }],
      ['access_denied', caseId, { purpose: 'allocate' }],
    ]);
  });

  it('takes only an active case manager of her own team as lead, and the version the list showed', async () => {
    const { tenant, cm, leadA } = await setup();
    const { caseId } = await openAt(cm, {
      kind: 'fest',
      streetId: await streetWithoutTeam(tenant),
      houseNumber: '5',
    });
    const [item] = (await leadA.get('/cases/allocation')).json();
    const otherTeam = await leadA.put(`/cases/${caseId}/allocation`, {
      leadUserId: tenant.users.caseManagerB.id,
      version: item.version,
    });
    expect(otherTeam.statusCode).toBe(400);
    expect(otherTeam.json().errors[0].field).toBe('leadUserId');
    const stale = await leadA.put(`/cases/${caseId}/allocation`, {
      leadUserId: tenant.users.caseManagerA.id,
      version: item.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect((await leadA.get('/cases/allocation')).json()).toHaveLength(1);
  });
});

describe('a family without a fixed address', () => {
  it('is taken in without street or number and waits on the allocation list, its taker keeping access', async () => {
    const { db, tenant, cm, leadA } = await setup();
    const { caseId, householdId } = await openAt(
      cm,
      { kind: 'wohnungslos', streetId: null, houseNumber: null },
      'Familie Unterwegs',
    );
    const row = await db
      .selectFrom('household')
      .select(['address_kind', 'street_id', 'street_name', 'district_id', 'team_id'])
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      address_kind: 'wohnungslos',
      street_id: null,
      street_name: null,
      district_id: null,
      team_id: null,
    });
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({ team: null, district: null, access: 'granted' });
    expect(detail.household.address).toEqual({
      kind: 'wohnungslos',
      street: null,
      houseNumber: null,
      postalCode: null,
    });
    const [item] = (await leadA.get('/cases/allocation')).json();
    expect(item).toMatchObject({
      id: caseId,
      address: { kind: 'wohnungslos', street: null, postalCode: null, district: null },
    });
  });

  it('ignores a street given with "unbekannt verzogen", and a fixed address still needs street and number', async () => {
    const { tenant, cm } = await setup();
    const moved = await cm.post('/households', {
      name: 'Familie Verzogen',
      address: { kind: 'unbekannt_verzogen', streetId: tenant.streets.a, houseNumber: '1' },
      members: [
        {
          personId: null,
          person: person('Tom', 'Verzogen', '2012-01-01', 'maennlich'),
          role: 'kind',
          custody: null,
        },
      ],
    });
    expect(moved.statusCode).toBe(201);
    const missing = await cm.post('/households', {
      name: 'Familie Fest',
      address: { kind: 'fest', streetId: null, houseNumber: null },
      members: [
        {
          personId: null,
          person: person('Tim', 'Fest', '2012-01-01', 'maennlich'),
          role: 'kind',
          custody: null,
        },
      ],
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['address.houseNumber', 'address.streetId']);
  });
});

describe('the postal code', () => {
  it('is never asked for: two streets of one name are told apart by the suggestion chosen', async () => {
    const { tenant, cm } = await setup();
    const admin = await Client.as(app, tenant, 'admin');
    // A second "Ankerweg" in another postal code area, in team B's district.
    const second = await admin.post('/organisation/streets', {
      districtId: tenant.districts.b,
      name: 'Ankerweg',
      postalCode: '47009',
    });
    expect(second.statusCode).toBe(201);
    await admin.post('/organisation/responsibilities', {
      streetId: second.json().id,
      teamId: tenant.teams.b,
      houseFrom: null,
      houseTo: null,
    });
    const suggestions = (await cm.get('/organisation/street-suggestions?q=ankerweg')).json();
    expect(suggestions.map((s: { postalCode: string }) => s.postalCode)).toEqual(['47000', '47009']);
    const { caseId } = await openAt(cm, { ...testAddress(cm), streetId: second.json().id });
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.team).toMatchObject({ id: tenant.teams.b });
    expect(detail.household.address.postalCode).toBe('47009');
  });
});
