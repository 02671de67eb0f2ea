import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** All SQL of single sign-on: the tenant's provider setting, its group mapping, sign-ins under way, SSO accounts. */

export function findSsoSetting(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('sso_setting').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}
export type SsoSettingRow = NonNullable<Awaited<ReturnType<typeof findSsoSetting>>>;

export function listGroupMappings(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('sso_group_mapping')
    .select(['group_name', 'role', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('group_name')
    .orderBy('role')
    .execute();
}
export type GroupMappingRow = Awaited<ReturnType<typeof listGroupMappings>>[number];

export async function insertSsoSetting(
  db: Kysely<DB>,
  row: {
    tenant_id: string;
    enabled: boolean;
    issuer: string;
    client_id: string;
    client_secret_env: string | null;
    scopes: string;
    group_claim: string;
  },
) {
  await db.insertInto('sso_setting').values(row).execute();
}

/** Updates the setting if it still has the version the admin saw; answers how many rows changed. */
export async function updateSsoSetting(
  db: Kysely<DB>,
  tenantId: string,
  version: number,
  values: {
    enabled: boolean;
    issuer: string;
    client_id: string;
    client_secret_env: string | null;
    scopes: string;
    group_claim: string;
  },
) {
  const result = await db
    .updateTable('sso_setting')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result;
}

export async function replaceGroupMappings(
  db: Kysely<DB>,
  tenantId: string,
  rows: { group_name: string; role: string; team_id: string | null }[],
) {
  await db.deleteFrom('sso_group_mapping').where('tenant_id', '=', tenantId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('sso_group_mapping')
      .values(rows.map((r) => ({ tenant_id: tenantId, ...r })))
      .execute();
  }
}

export async function insertSsoLogin(
  db: Kysely<DB>,
  row: { tenant_id: string; state_hash: string; nonce: string; code_verifier: string; expires_at: Date },
) {
  // Sign-ins begun and never finished go with the next one of the tenant.
  await db
    .deleteFrom('sso_login')
    .where('tenant_id', '=', row.tenant_id)
    .where('expires_at', '<', new Date())
    .execute();
  await db.insertInto('sso_login').values(row).execute();
}

/** Takes a sign-in under way out of the table: each state is used once, whatever the outcome. */
export function takeSsoLogin(db: Kysely<DB>, tenantId: string, stateHash: string) {
  return db
    .deleteFrom('sso_login')
    .where('tenant_id', '=', tenantId)
    .where('state_hash', '=', stateHash)
    .returning(['nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
}

export function findExternalAccount(db: Kysely<DB>, tenantId: string, issuer: string, subject: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'active', 'display_name', 'email', 'roles', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('external_issuer', '=', issuer)
    .where('external_subject', '=', subject)
    .executeTakeFirst();
}

export async function usernameTaken(db: Kysely<DB>, tenantId: string, username: string) {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertExternalAccount(
  db: Kysely<DB>,
  row: {
    tenant_id: string;
    username: string;
    display_name: string;
    email: string | null;
    roles: string[];
    team_id: string | null;
    external_issuer: string;
    external_subject: string;
  },
) {
  const created = await db
    .insertInto('app_user')
    .values({ ...row, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function updateExternalAccount(
  db: Kysely<DB>,
  tenantId: string,
  userId: string,
  values: { display_name: string; email: string | null; roles: string[]; team_id: string | null },
) {
  await db
    .updateTable('app_user')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

export function findSessionSso(db: Kysely<DB>, tenantId: string, tokenHash: string) {
  return db
    .selectFrom('session')
    .select(['sso_issuer', 'sso_id_token'])
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Which of the given team ids are teams of the tenant. */
export async function existingTeamIds(db: Kysely<DB>, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('team')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}
