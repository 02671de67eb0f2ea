import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, TEST_PASSWORD } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function adminOfFreshTenant() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { db, tenant, admin: await Client.as(app, tenant, 'admin') };
}

describe('Sozialzentren, Stadtteile and teams', () => {
  it('creates, lists, renames and deletes a Sozialzentrum, each change audited', async () => {
    const { db, tenant, admin } = await adminOfFreshTenant();
    const created = await admin.post('/organisation/social-centres', {
      name: 'Sozialzentrum West',
      code: 'WEST',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const list = (await admin.get('/organisation/social-centres')).json();
    expect(list).toContainEqual({ id, name: 'Sozialzentrum West', code: 'WEST', version: 1, teamCount: 0 });

    expect(
      (await admin.put(`/organisation/social-centres/${id}`, { name: 'SZ West', code: 'W', version: 1 }))
        .statusCode,
    ).toBe(204);
    expect((await admin.delete(`/organisation/social-centres/${id}`)).statusCode).toBe(204);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', id)
      .orderBy('pending_id')
      .execute();
    expect(audit).toEqual(
      ['create', 'update', 'delete'].map((action) => ({ action, actor_id: tenant.users.admin.id })),
    );
  });

  it('refuses the second of two saves based on the same version', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const other = await Client.as(app, tenant, 'admin');
    const first = await admin.put(`/organisation/districts/${tenant.districts.a}`, {
      name: 'Nordhafen-Ost',
      code: 'NHO',
      version: 1,
    });
    expect(first.statusCode).toBe(204);
    const second = await other.put(`/organisation/districts/${tenant.districts.a}`, {
      name: 'Nordhafen-West',
      code: 'NHW',
      version: 1,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'version_conflict' });
    expect(second.json().detail).toContain('inzwischen');
    const districts = (await admin.get('/organisation/districts')).json();
    expect(districts.find((d: { id: string }) => d.id === tenant.districts.a)).toMatchObject({
      name: 'Nordhafen-Ost',
      version: 2,
    });
  });

  it('names the bad field, in German, and writes nothing', async () => {
    const { admin } = await adminOfFreshTenant();
    const res = await admin.post('/organisation/districts', { name: '   ', code: 'a b' });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['code', 'name']);
    expect(res.json().errors.find((e: { field: string }) => e.field === 'name').message).toBe(
      'Bitte ausfüllen.',
    );
    expect((await admin.get('/organisation/districts')).json()).toHaveLength(2);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const { admin } = await adminOfFreshTenant();
    const res = await admin.app.inject({
      method: 'POST',
      url: '/api/v1/organisation/districts',
      payload: '{"name": ',
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        'content-type': 'application/json',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Die Anfrage enthält kein gültiges JSON.');
  });

  it('refuses a duplicate code and the deletion of a centre that still has teams', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const dup = await admin.post('/organisation/districts', { name: 'Anders', code: 'NH' });
    expect(dup.statusCode).toBe(409);
    const inUse = await admin.delete(`/organisation/social-centres/${tenant.centreId}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toContain('verwendet');
  });

  it('accepts only a team lead as the lead of a team', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const bad = await admin.post('/organisation/teams', {
      name: 'Team C',
      socialCentreId: tenant.centreId,
      leadUserId: tenant.users.caseManagerA.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('leadUserId');
    const good = await admin.post('/organisation/teams', {
      name: 'Team C',
      socialCentreId: tenant.centreId,
      leadUserId: tenant.users.teamLeadB.id,
    });
    expect(good.statusCode).toBe(201);
  });
});

describe('address-based responsibility', () => {
  it('finds the team for a whole street, with spelling variants of "Straße"', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const res = await admin.get('/organisation/responsible-team?street=bojenstrasse&houseNumber=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ team: { id: tenant.teams.b }, district: { id: tenant.districts.b } });
    expect((await admin.get('/organisation/responsible-team?street=Bojenstr.')).json().team.id).toBe(
      tenant.teams.b,
    );
  });

  it('lets a house-number range override the whole-street rule and refuses overlaps', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const range = { streetId: tenant.streets.a, teamId: tenant.teams.b, houseFrom: 100, houseTo: 199 };
    expect((await admin.post('/organisation/responsibilities', range)).statusCode).toBe(201);
    const lookup = (n: number) =>
      admin.get(`/organisation/responsible-team?street=Ankerweg&houseNumber=${n}`);
    expect((await lookup(99)).json().team.id).toBe(tenant.teams.a);
    expect((await lookup(100)).json().team.id).toBe(tenant.teams.b);
    expect((await lookup(199)).json().team.id).toBe(tenant.teams.b);
    expect((await lookup(200)).json().team.id).toBe(tenant.teams.a);

    const overlap = await admin.post('/organisation/responsibilities', {
      ...range,
      houseFrom: 150,
      houseTo: 250,
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0].field).toBe('houseFrom');
    const secondWhole = await admin.post('/organisation/responsibilities', {
      ...range,
      houseFrom: null,
      houseTo: null,
    });
    expect(secondWhole.statusCode).toBe(400);
    const reversed = await admin.post('/organisation/responsibilities', {
      ...range,
      houseFrom: 300,
      houseTo: 250,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('houseTo');
  });

  it('says clearly when no street or no team matches', async () => {
    const { admin } = await adminOfFreshTenant();
    const unknown = await admin.get('/organisation/responsible-team?street=Nirgendweg');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({
      field: 'street',
      message: 'Diese Straße ist keinem Stadtteil zugeordnet.',
    });
  });
});

describe('staff', () => {
  const base = {
    displayName: 'Neue Fachkraft',
    email: null,
    roles: ['case_manager'],
    specialisations: ['sucht'],
    fte: '0.75',
    active: true,
  };

  it('creates an account with deputies that can sign in', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const res = await admin.post('/organisation/staff', {
      ...base,
      username: 'neu',
      teamId: tenant.teams.a,
      deputyIds: [tenant.users.colleagueA.id],
      password: 'ein-langes-passwort',
    });
    expect(res.statusCode).toBe(201);
    const staff = (await admin.get(`/organisation/staff?teamId=${tenant.teams.a}`)).json();
    const created = staff.find((s: { username: string }) => s.username === 'neu');
    expect(created).toMatchObject({
      deputyIds: [tenant.users.colleagueA.id],
      fte: '0.75',
      teamName: 'Team A',
    });
    expect(created).not.toHaveProperty('passwordHash');
    expect((await new Client(app, tenant).login('neu', 'ein-langes-passwort')).statusCode).toBe(200);
  });

  it('writes nothing when a deputy does not exist', async () => {
    const { db, tenant, admin } = await adminOfFreshTenant();
    const res = await admin.post('/organisation/staff', {
      ...base,
      username: 'halb',
      teamId: tenant.teams.a,
      deputyIds: ['00000000-0000-4000-8000-000000000000'],
      password: 'ein-langes-passwort',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('deputyIds');
    const rows = await db
      .selectFrom('app_user')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('username', '=', 'halb')
      .execute();
    expect(rows).toEqual([]);
  });

  it('ends the sessions of a deactivated account', async () => {
    const { tenant, admin } = await adminOfFreshTenant();
    const cm = await Client.as(app, tenant, 'caseManagerB');
    expect((await cm.get('/auth/me')).statusCode).toBe(200);
    const res = await admin.put(`/organisation/staff/${tenant.users.caseManagerB.id}`, {
      ...base,
      username: 'casemanagerb',
      teamId: tenant.teams.b,
      deputyIds: [],
      active: false,
      version: 1,
    });
    expect(res.statusCode).toBe(204);
    expect((await cm.get('/auth/me')).statusCode).toBe(401);
    expect((await new Client(app, tenant).login('casemanagerb', TEST_PASSWORD)).statusCode).toBe(401);
  });
});
