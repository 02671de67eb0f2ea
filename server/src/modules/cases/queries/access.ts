import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The case rows the access rule needs, for one case or a list (one query either way). */
/** A grant counts while `today` is not past its last day (valid_until). */
export function caseSubjects(db: Kysely<DB>, tenantId: string, caseIds: string[], today: string) {
  return db
    .selectFrom('case_file as c')
    .select([
      'c.id',
      'c.team_id',
      'c.lead_user_id',
      'c.status',
      'c.version',
      'c.household_id',
      'c.district_id',
      'c.opened_on',
      sql<string[]>`coalesce((select array_agg(g.user_id) from case_access_grant g
        where g.tenant_id = c.tenant_id and g.case_id = c.id and (g.valid_until is null or g.valid_until >= ${today}::date)), '{}')`.as(
        'granted',
      ),
      // Retention (docs/retention.md): a restricted or erased file is no longer worked on.
      sql<'vorgeschlagen' | 'gesperrt' | 'geloescht' | null>`(select r.state from case_retention r
        where r.tenant_id = c.tenant_id and r.case_id = c.id)`.as('retention_state'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', 'in', caseIds)
    .execute();
}

/** Households with the access rows (team, lead, grants) of all their cases. */
export function householdAccessRows(db: Kysely<DB>, tenantId: string, householdIds: string[], today: string) {
  return db
    .selectFrom('household as h')
    .select([
      'h.id',
      'h.team_id',
      'h.created_by',
      sql<{ team_id: string | null; lead_user_id: string | null; granted: string[] }[]>`coalesce((
        select json_agg(json_build_object('team_id', c.team_id, 'lead_user_id', c.lead_user_id, 'granted',
          coalesce((select array_agg(g.user_id) from case_access_grant g
            where g.tenant_id = c.tenant_id and g.case_id = c.id and (g.valid_until is null or g.valid_until >= ${today}::date)), '{}')))
        from case_file c where c.tenant_id = h.tenant_id and c.household_id = h.id), '[]')`.as('cases'),
    ])
    .where('h.tenant_id', '=', tenantId)
    .where('h.id', 'in', householdIds)
    .execute();
}

/** Optimistic concurrency on the case row: bumps its version when it is still the one given; answers whether it did. */
export async function bumpCaseRowVersion(db: Kysely<DB>, tenantId: string, caseId: string, version: number) {
  const result = await db
    .updateTable('case_file')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active staff as the case-access rule sees them (roles, team, whom they deputise), to decide whom to notify. */
export function staffAccessRows(db: Kysely<DB>, tenantId: string, userIds: readonly string[], today: string) {
  return db
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.roles',
      'u.team_id',
      sql<
        string[]
      >`array(select d.user_id from deputy d where d.tenant_id = u.tenant_id and d.deputy_user_id = u.id
        union select a.user_id from absence a where a.tenant_id = u.tenant_id and a.deputy_user_id = u.id
          and a.from_on <= ${today} and a.to_on >= ${today})`.as('deputy_for'),
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', 'in', [...userIds])
    .where('u.active', '=', true)
    .execute();
}
