import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The organisation as controlling reads it: Stadtteile, teams, Sozialzentren, their streets and staff. */

export function districtRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function teamRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('team')
    .select(['id', 'name', 'social_centre_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function centreRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('social_centre')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

/** A team's districts: those where it is responsible for the whole of at least one street. */
export async function districtIdsOfTeams(
  db: Kysely<DB>,
  tenantId: string,
  teamIds: string[],
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select('s.district_id')
    .distinct()
    .where('r.tenant_id', '=', tenantId)
    .where('r.team_id', 'in', teamIds)
    .where('r.house_from', 'is', null)
    .execute();
  return rows.map((r) => r.district_id);
}

/** The teams responsible for any street of these districts. */
export async function teamIdsOfDistricts(
  db: Kysely<DB>,
  tenantId: string,
  districtIds: string[],
): Promise<string[]> {
  if (districtIds.length === 0) return [];
  const rows = await db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select('r.team_id')
    .distinct()
    .where('r.tenant_id', '=', tenantId)
    .where('s.district_id', 'in', districtIds)
    .execute();
  return rows.map((r) => r.team_id);
}

export function outlineRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district')
    .select(['code', 'name', 'outline'])
    .where('tenant_id', '=', tenantId)
    .where('outline', 'is not', null)
    .orderBy('name')
    .execute();
}

export async function tenantName(db: Kysely<DB>, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('tenant')
    .select('name')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** Ist: the full-time equivalents of the active case managers and team leads of these teams (today's staff). */
export async function staffVze(db: Kysely<DB>, tenantId: string, teamIds: string[]): Promise<number> {
  if (teamIds.length === 0) return 0;
  const row = await db
    .selectFrom('app_user')
    .select(sql<string>`coalesce(sum(fte), 0)`.as('vze'))
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where('team_id', 'in', teamIds)
    .where((eb) => eb.or([sql<boolean>`'case_manager' = any(roles)`, sql<boolean>`'team_lead' = any(roles)`]))
    .executeTakeFirstOrThrow();
  return Number(row.vze);
}
