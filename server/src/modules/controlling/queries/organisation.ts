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

/**
 * The districts and the teams (each as districtRows and teamRows read them, by name) in one statement: what every
 * region is resolved from (regions.ts).
 */
export async function districtsAndTeams(db: Kysely<DB>, tenantId: string) {
  const result = await sql<{
    districts: Awaited<ReturnType<typeof districtRows>>;
    teams: Awaited<ReturnType<typeof teamRows>>;
  }>`select
      (select coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name) order by name), '[]')
        from district where tenant_id = ${tenantId}) as districts,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'social_centre_id', social_centre_id)
          order by name), '[]')
        from team where tenant_id = ${tenantId}) as teams`.execute(db);
  const row = result.rows[0];
  return { districts: row?.districts ?? [], teams: row?.teams ?? [] };
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

export interface StaffCount {
  vze: number;
  heads: number;
}

/**
 * Ist on a Stichtag from the staff history (staff_period, kept by a trigger on app_user): the VZE and heads of the
 * case managers (Casemanagement) and team leads (Referatsleitung) of these teams on that day.
 */
export async function staffOn(
  db: Kysely<DB>,
  tenantId: string,
  teamIds: string[],
  date: string,
): Promise<{ casemanagement: StaffCount; referatsleitung: StaffCount }> {
  const result = {
    casemanagement: { vze: 0, heads: 0 },
    referatsleitung: { vze: 0, heads: 0 },
  };
  if (teamIds.length === 0) return result;
  const rows = await db
    .selectFrom('staff_period')
    .select([
      'function',
      sql<string>`coalesce(sum(fte), 0)`.as('vze'),
      sql<number>`count(distinct user_id)`.as('heads'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'in', teamIds)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .groupBy('function')
    .execute();
  for (const r of rows) result[r.function] = { vze: Number(r.vze), heads: Number(r.heads) };
  return result;
}
