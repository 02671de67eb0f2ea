import { randomUUID } from 'node:crypto';
import type { Role } from '@leuchtturm/shared';
import type { Database } from '../src/db/database.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { createTenant } from '../src/modules/organisation/tenants.ts';

export const TEST_PASSWORD = 'richtig-geheim-123';
let passwordHash: Promise<string> | undefined;

const userSpecs = {
  admin: { roles: ['admin'], team: null },
  director: { roles: ['director'], team: null },
  controller: { roles: ['controller'], team: null },
  finance: { roles: ['finance'], team: null },
  teamLeadA: { roles: ['team_lead'], team: 'a' },
  caseManagerA: { roles: ['case_manager'], team: 'a' },
  deputyA: { roles: ['case_manager'], team: 'a' },
  colleagueA: { roles: ['case_manager'], team: 'a' },
  teamLeadB: { roles: ['team_lead'], team: 'b' },
  caseManagerB: { roles: ['case_manager'], team: 'b' },
  coordinatorA: { roles: ['district_coordinator'], team: 'a' },
} as const satisfies Record<string, { roles: Role[]; team: 'a' | 'b' | null }>;
export type TestUserKey = keyof typeof userSpecs;

export interface TestTenant {
  id: string;
  slug: string;
  centreId: string;
  teams: { a: string; b: string };
  districts: { a: string; b: string };
  streets: { a: string; b: string };
  users: Record<TestUserKey, { id: string; username: string }>;
}

/**
 * A fresh Jugendamt per test: one Sozialzentrum, two teams (A and B) with a district and a street each, and one
 * user per role. caseManagerA is deputised by deputyA. Everyone's password is TEST_PASSWORD.
 */
export async function createTestTenant(db: Database): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const slug = `t-${randomUUID().slice(0, 12)}`;
  return db.transaction().execute(async (trx) => {
    const id = await createTenant(trx, slug, `Testjugendamt ${slug}`);
    const centre = await trx
      .insertInto('social_centre')
      .values({ tenant_id: id, name: 'Sozialzentrum Test', code: 'TEST' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = async (name: string) =>
      (
        await trx
          .insertInto('team')
          .values({ tenant_id: id, social_centre_id: centre.id, name, lead_user_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const teams = { a: await team('Team A'), b: await team('Team B') };
    const district = async (name: string, code: string) =>
      (
        await trx
          .insertInto('district')
          .values({ tenant_id: id, name, code })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const districts = { a: await district('Nordhafen', 'NH'), b: await district('Südhafen', 'SH') };
    const street = async (districtId: string, name: string) =>
      (
        await trx
          .insertInto('street')
          .values({ tenant_id: id, district_id: districtId, name, postal_code: '47000' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const streets = { a: await street(districts.a, 'Ankerweg'), b: await street(districts.b, 'Bojenstraße') };
    await trx
      .insertInto('responsibility')
      .values([
        { tenant_id: id, street_id: streets.a, team_id: teams.a, house_from: null, house_to: null },
        { tenant_id: id, street_id: streets.b, team_id: teams.b, house_from: null, house_to: null },
      ])
      .execute();
    const users = {} as TestTenant['users'];
    for (const [key, spec] of Object.entries(userSpecs) as [TestUserKey, (typeof userSpecs)[TestUserKey]][]) {
      const username = key.toLowerCase();
      const row = await trx
        .insertInto('app_user')
        .values({
          tenant_id: id,
          username,
          display_name: `Test ${key}`,
          email: null,
          password_hash: hash,
          roles: [...spec.roles],
          team_id: spec.team ? teams[spec.team] : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users[key] = { id: row.id, username };
    }
    // The fixture's staff has been in place since always (the trigger of 0025 records them from today).
    await trx.updateTable('staff_period').set({ valid_from: null }).where('tenant_id', '=', id).execute();
    await trx
      .insertInto('deputy')
      .values({ tenant_id: id, user_id: users.caseManagerA.id, deputy_user_id: users.deputyA.id })
      .execute();
    for (const [t, lead] of [
      [teams.a, users.teamLeadA.id],
      [teams.b, users.teamLeadB.id],
    ] as const) {
      await trx
        .updateTable('team')
        .set({ lead_user_id: lead })
        .where('tenant_id', '=', id)
        .where('id', '=', t)
        .execute();
    }
    return { id, slug, centreId: centre.id, teams, districts, streets, users };
  });
}
