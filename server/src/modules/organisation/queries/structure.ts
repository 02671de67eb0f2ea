import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, TeamTable } from '../../../db/schema.ts';

/** Writes to the organisation's structure (Sozialzentren, Stadtteile, Stadtteilteams) and the lookups they need. */

export type StructureTable = 'social_centre' | 'district' | 'team';
export type CodedTable = 'social_centre' | 'district';

/**
 * The id of a row of an organisation table in the tenant, if it exists: a reference check, and after an update
 * that changed nothing it tells a stale version (the row is there) from a missing record.
 */
export function findOrganisationRow(
  db: Kysely<DB>,
  table: StructureTable | 'street',
  tenantId: string,
  id: string,
) {
  return db
    .selectFrom(table)
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertCoded(
  db: Kysely<DB>,
  table: CodedTable,
  row: { tenant_id: string; name: string; code: string },
) {
  return db.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes name and code if the row still has `version`, bumping it. */
export function updateCodedRow(
  db: Kysely<DB>,
  table: CodedTable,
  tenantId: string,
  id: string,
  version: number,
  values: { name: string; code: string },
) {
  return db
    .updateTable(table)
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The roles of an active account (a team's lead must be a Referatsleitung). */
export function findActiveUserRoles(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select('roles')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export function insertTeam(db: Kysely<DB>, row: Insertable<TeamTable>) {
  return db.insertInto('team').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findTeamLead(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('team')
    .select('lead_user_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', teamId)
    .executeTakeFirst();
}

/** A team by its name (the command line names teams, not ids). */
export function findTeamByName(db: Kysely<DB>, tenantId: string, name: string) {
  return db
    .selectFrom('team')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Changes a team if it still has `version`, bumping it. */
export function updateTeamRow(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  values: { name: string; social_centre_id: string; lead_user_id: string | null },
) {
  return db
    .updateTable('team')
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Foreign keys refuse the removal of structure still in use. */
export function deleteStructureRow(db: Kysely<DB>, table: StructureTable, tenantId: string, id: string) {
  return db.deleteFrom(table).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}
