import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * What the demo generator reads back of what it has just written, to build the next step on it. A list the random
 * draws depend on is ordered by something unique and stable: ids are random in the database, and the same scale
 * must give the same city.
 */

export function findUserByUsername(db: Kysely<DB>, tenantId: string, username: string) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Streets that one team serves whole (no house-number split), with that team. */
export function listWholeStreets(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select(['s.id', 's.name', 's.postal_code', 's.district_id', 'r.team_id'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.house_from', 'is', null)
    .orderBy('s.postal_code')
    .orderBy('s.name')
    .execute();
}

/** Everyone who belongs to a team, with their roles. */
export function listTeamMembers(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'roles'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'is not', null)
    .orderBy('username')
    .execute();
}

export function listHelpTypes(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('help_type')
    .select(['id', 'code', 'category_rule'])
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** Cases with a first help plan, its meeting day and the children of the household in their order. */
export function listCasesWithFirstPlan(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('help_plan as hp', (j) =>
      j
        .onRef('hp.tenant_id', '=', 'c.tenant_id')
        .onRef('hp.case_id', '=', 'c.id')
        .on('hp.version_no', '=', 1),
    )
    .select([
      'c.id',
      'c.closed_on',
      'c.lead_user_id',
      'hp.id as plan_id',
      'hp.meeting_on',
      sql<string[]>`(select array_agg(hm.person_id order by hm.position) from household_member hm
        where hm.tenant_id = c.tenant_id and hm.household_id = c.household_id and hm.role = 'kind')`.as(
        'children',
      ),
    ])
    .where('c.tenant_id', '=', tenantId)
    .orderBy('c.case_number')
    .execute();
}

export function listDistrictCodes(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('district').select('code').where('tenant_id', '=', tenantId).orderBy('code').execute();
}

/** Today's staffing per Sozialzentrum in full-time equivalents (VZE): its case managers and team leads. */
export async function staffingPerCentre(db: Kysely<DB>, tenantId: string) {
  const result = await sql<{ code: string; vze: string }>`
    select sc.code, coalesce(sum(u.fte), 0)::text as vze from social_centre sc
    join team t on t.tenant_id = sc.tenant_id and t.social_centre_id = sc.id
    join app_user u on u.tenant_id = t.tenant_id and u.team_id = t.id and ('case_manager' = any(u.roles) or 'team_lead' = any(u.roles))
    where sc.tenant_id = ${tenantId} group by sc.code order by sc.code`.execute(db);
  return result.rows;
}
