import { type Kysely, sql } from 'kysely';
import type { DB, NewAppUser } from '../../../db/schema.ts';

/** Staff accounts and their deputies (Vertretungen). The list of staff is in lists.ts. */

/** The active accounts among these ids. */
export function findActiveUserIds(db: Kysely<DB>, tenantId: string, ids: string[]) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
}

/** Roles and team of an account as stored (the four-eyes check compares them with a change). */
export function findRolesAndTeam(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['roles', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findAccountId(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Whether `deputyUserId` already deputises for `userId`. */
export function findDeputyship(db: Kysely<DB>, tenantId: string, userId: string, deputyUserId: string) {
  return db
    .selectFrom('deputy')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('deputy_user_id', '=', deputyUserId)
    .executeTakeFirst();
}

/** Sets the deputies of an account to exactly these. */
export async function replaceDeputies(db: Kysely<DB>, tenantId: string, userId: string, deputyIds: string[]) {
  await db.deleteFrom('deputy').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  const unique = [...new Set(deputyIds)];
  if (unique.length > 0) {
    await db
      .insertInto('deputy')
      .values(unique.map((d) => ({ tenant_id: tenantId, user_id: userId, deputy_user_id: d })))
      .execute();
  }
}

export function insertAccount(db: Kysely<DB>, row: NewAppUser) {
  return db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes an account if it still has `version`, bumping it. The password is changed elsewhere (auth). */
export function updateAccountRow(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  values: {
    username: string;
    display_name: string;
    email: string | null;
    roles: string[];
    team_id: string | null;
    specialisations: string[];
    fte: string;
    active: boolean;
  },
) {
  return db
    .updateTable('app_user')
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Ends every session of an account (a deactivated account is logged out at once). */
export async function deleteSessionsOf(db: Kysely<DB>, tenantId: string, userId: string) {
  await db.deleteFrom('session').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}
