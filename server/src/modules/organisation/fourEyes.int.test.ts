import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A tenant with two admins: the test's admin and a second one who may do what the first must not do alone. */
async function twoAdmins() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const admin = await Client.as(app, tenant, 'admin');
  const created = await admin.post('/organisation/staff', {
    ...account('zweite-admin', ['admin'], null),
    password: 'ein-langes-passwort',
  });
  expect(created.statusCode).toBe(201);
  const second = new Client(app, tenant);
  expect((await second.login('zweite-admin', 'ein-langes-passwort')).statusCode).toBe(200);
  return { db, tenant, admin, second };
}

function account(username: string, roles: string[], teamId: string | null, deputyIds: string[] = []) {
  return {
    username,
    displayName: `Test ${username}`,
    email: null,
    roles,
    teamId,
    specialisations: [],
    deputyIds,
    fte: '1',
    active: true,
  };
}

async function versionOf(client: Client, tenant: TestTenant, userId: string): Promise<number> {
  const staff = (await client.get('/organisation/staff')).json() as { id: string; version: number }[];
  const found = staff.find((s) => s.id === userId);
  if (!found) throw new Error(`no account ${userId} in tenant ${tenant.slug}`);
  return found.version;
}

describe('four eyes on access to cases', () => {
  it('refuses an admin the team-lead role for its own account, audits it, and lets a second admin give it', async () => {
    const { db, tenant, admin, second } = await twoAdmins();
    const self = tenant.users.admin.id;
    const asLead = { ...account('admin', ['admin', 'team_lead'], tenant.teams.a), version: 1 };
    const refused = await admin.put(`/organisation/staff/${self}`, asLead);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Vier-Augen-Prinzip');
    expect(refused.json().errors[0].field).toBe('roles');
    const stored = await db
      .selectFrom('app_user')
      .select(['roles', 'team_id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', self)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ roles: ['admin'], team_id: null, version: 1 });
    const denied = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type', 'entity_id'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toEqual([{ actor_id: self, entity_type: 'user', entity_id: self }]);

    // Also refused: the case-manager role, which opens case work just the same.
    const asCaseManager = { ...account('admin', ['admin', 'case_manager'], tenant.teams.a), version: 1 };
    expect((await admin.put(`/organisation/staff/${self}`, asCaseManager)).statusCode).toBe(403);

    // A second admin may give it; the first can then save its account unchanged.
    expect((await second.put(`/organisation/staff/${self}`, asLead)).statusCode).toBe(204);
    expect((await admin.put(`/organisation/staff/${self}`, { ...asLead, version: 2 })).statusCode).toBe(204);
  });

  it('refuses an admin making itself the lead of a team, or moving itself to another team', async () => {
    const { tenant, admin, second } = await twoAdmins();
    const self = tenant.users.admin.id;
    // Made team lead of team A by the second admin, as above.
    const asLead = { ...account('admin', ['admin', 'team_lead'], tenant.teams.a), version: 1 };
    expect((await second.put(`/organisation/staff/${self}`, asLead)).statusCode).toBe(204);

    const teamB = { name: 'Team B', socialCentreId: tenant.centreId, leadUserId: self, version: 1 };
    const lead = await admin.put(`/organisation/teams/${tenant.teams.b}`, teamB);
    expect(lead.statusCode).toBe(403);
    expect(lead.json().errors[0].field).toBe('leadUserId');
    const newTeam = await admin.post('/organisation/teams', {
      name: 'Team C',
      socialCentreId: tenant.centreId,
      leadUserId: self,
    });
    expect(newTeam.statusCode).toBe(403);
    const teams = (await admin.get('/organisation/teams')).json() as { id: string; leadUserId: string }[];
    expect(teams.find((t) => t.id === tenant.teams.b)?.leadUserId).toBe(tenant.users.teamLeadB.id);
    expect(teams).toHaveLength(2);

    const move = await admin.put(`/organisation/staff/${self}`, {
      ...account('admin', ['admin', 'team_lead'], tenant.teams.b),
      version: await versionOf(admin, tenant, self),
    });
    expect(move.statusCode).toBe(403);
    expect(move.json().errors[0].field).toBe('teamId');

    // The second admin may do both.
    expect((await second.put(`/organisation/teams/${tenant.teams.b}`, teamB)).statusCode).toBe(204);
  });

  it('refuses an admin entering itself as the deputy of a case manager', async () => {
    const { tenant, admin, second } = await twoAdmins();
    const target = tenant.users.caseManagerB.id;
    const withSelf = {
      ...account('casemanagerb', ['case_manager'], tenant.teams.b, [tenant.users.admin.id]),
      version: 1,
    };
    const refused = await admin.put(`/organisation/staff/${target}`, withSelf);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors[0].field).toBe('deputyIds');
    expect((await second.put(`/organisation/staff/${target}`, withSelf)).statusCode).toBe(204);
  });

  it('decides four eyes before checking the rest of the input: a refused request learns nothing about it', async () => {
    const { db, tenant, admin } = await twoAdmins();
    const self = tenant.users.admin.id;
    // An unknown team would be a 400 naming teamId; the admin's own deputyship is refused first.
    const unknownTeam = '00000000-0000-4000-8000-000000000000';
    const created = await admin.post('/organisation/staff', {
      ...account('neue-fachkraft', ['case_manager'], unknownTeam, [self]),
      password: 'ein-langes-passwort',
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().errors[0].field).toBe('deputyIds');
    const changed = await admin.put(`/organisation/staff/${tenant.users.caseManagerB.id}`, {
      ...account('casemanagerb', ['case_manager'], unknownTeam, [self]),
      version: 1,
    });
    expect(changed.statusCode).toBe(403);
    expect(changed.json().errors[0].field).toBe('deputyIds');
    const denied = await db
      .selectFrom('audit_log')
      .select('entity_type')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toHaveLength(2);
  });
});
