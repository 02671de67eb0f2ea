import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePattern } from '../../../shared/like.ts';

/** The lists of the organisation module. Each query takes the db (or transaction) first and the tenant second. */

export function listSocialCentres(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('social_centre as sc')
    .select((eb) => [
      'sc.id',
      'sc.name',
      'sc.code',
      'sc.version',
      eb
        .selectFrom('team')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('team.tenant_id', '=', 'sc.tenant_id')
        .whereRef('team.social_centre_id', '=', 'sc.id')
        .as('team_count'),
    ])
    .where('sc.tenant_id', '=', tenantId)
    .orderBy('sc.name')
    .execute();
}

export function listDistricts(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district as d')
    .select((eb) => [
      'd.id',
      'd.name',
      'd.code',
      'd.version',
      eb
        .selectFrom('street')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('street.tenant_id', '=', 'd.tenant_id')
        .whereRef('street.district_id', '=', 'd.id')
        .as('street_count'),
    ])
    .where('d.tenant_id', '=', tenantId)
    .orderBy('d.name')
    .execute();
}

export function listTeams(db: Kysely<DB>, tenantId: string, filter: { socialCentreId?: string } = {}) {
  let q = db
    .selectFrom('team')
    .innerJoin('social_centre as sc', (j) =>
      j.onRef('sc.tenant_id', '=', 'team.tenant_id').onRef('sc.id', '=', 'team.social_centre_id'),
    )
    .leftJoin('app_user as lead', (j) =>
      j.onRef('lead.tenant_id', '=', 'team.tenant_id').onRef('lead.id', '=', 'team.lead_user_id'),
    )
    .select((eb) => [
      'team.id',
      'team.name',
      'team.version',
      'team.social_centre_id',
      'team.lead_user_id',
      'sc.name as social_centre_name',
      'lead.display_name as lead_name',
      eb
        .selectFrom('app_user as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.tenant_id', '=', 'team.tenant_id')
        .whereRef('m.team_id', '=', 'team.id')
        .where('m.active', '=', true)
        .as('member_count'),
    ])
    .where('team.tenant_id', '=', tenantId);
  if (filter.socialCentreId) q = q.where('team.social_centre_id', '=', filter.socialCentreId);
  return q.orderBy('sc.name').orderBy('team.name').execute();
}

export function listStreets(
  db: Kysely<DB>,
  tenantId: string,
  filter: { districtId?: string; search?: string; limit: number },
) {
  let q = db
    .selectFrom('street')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'street.tenant_id').onRef('d.id', '=', 'street.district_id'),
    )
    .select([
      'street.id',
      'street.name',
      'street.postal_code',
      'street.district_id',
      'street.version',
      'd.name as district_name',
    ])
    .where('street.tenant_id', '=', tenantId);
  if (filter.districtId) q = q.where('street.district_id', '=', filter.districtId);
  if (filter.search) {
    q = q.where(sql<boolean>`lower(street.name) like ${likePattern(filter.search)}`);
  }
  return q.orderBy('street.name').limit(filter.limit).execute();
}

export function listResponsibilities(
  db: Kysely<DB>,
  tenantId: string,
  filter: { streetId?: string; teamId?: string },
) {
  let q = db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.district_id'),
    )
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.id', '=', 'r.team_id'))
    .select([
      'r.id',
      'r.version',
      'r.street_id',
      'r.team_id',
      'r.house_from',
      'r.house_to',
      's.name as street_name',
      'd.name as district_name',
      't.name as team_name',
    ])
    .where('r.tenant_id', '=', tenantId);
  if (filter.streetId) q = q.where('r.street_id', '=', filter.streetId);
  if (filter.teamId) q = q.where('r.team_id', '=', filter.teamId);
  return q.orderBy('s.name').orderBy('r.house_from').limit(1000).execute();
}

export function listStaff(
  db: Kysely<DB>,
  tenantId: string,
  filter: { teamId?: string; search?: string; limit: number },
) {
  let q = db
    .selectFrom('app_user as u')
    .leftJoin('team', (j) => j.onRef('team.tenant_id', '=', 'u.tenant_id').onRef('team.id', '=', 'u.team_id'))
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.roles',
      'u.team_id',
      'u.specialisations',
      'u.fte',
      'u.active',
      'u.version',
      'team.name as team_name',
      eb.fn
        .coalesce(
          eb
            .selectFrom('deputy')
            .select(sql<string[]>`array_agg(deputy_user_id order by deputy_user_id)`.as('ids'))
            .whereRef('deputy.tenant_id', '=', 'u.tenant_id')
            .whereRef('deputy.user_id', '=', 'u.id'),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as('deputy_ids'),
    ])
    .where('u.tenant_id', '=', tenantId);
  if (filter.teamId) q = q.where('u.team_id', '=', filter.teamId);
  if (filter.search) {
    const like = likePattern(filter.search);
    q = q.where((eb) =>
      eb.or([eb(sql`lower(u.display_name)`, 'like', like), eb(sql`lower(u.username)`, 'like', like)]),
    );
  }
  return q.orderBy('u.display_name').limit(filter.limit).execute();
}
export type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];
