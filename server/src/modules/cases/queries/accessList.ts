import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The people behind the reasons of the access rule, for "who may see this case and why". */

const users = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name', 'u.active'])
    .where('u.tenant_id', '=', tenantId);

export function userById(db: Kysely<DB>, tenantId: string, userId: string) {
  return users(db, tenantId).where('u.id', '=', userId).execute();
}

/** Active deputies of a case manager. */
export function activeDeputiesOf(db: Kysely<DB>, tenantId: string, userId: string) {
  return users(db, tenantId)
    .innerJoin('deputy as d', (j) =>
      j.onRef('d.tenant_id', '=', 'u.tenant_id').onRef('d.deputy_user_id', '=', 'u.id'),
    )
    .where('d.user_id', '=', userId)
    .where('u.active', '=', true)
    .execute();
}

/** Active team leads of a team. */
export function activeTeamLeadsOf(db: Kysely<DB>, tenantId: string, teamId: string) {
  return users(db, tenantId)
    .where('u.team_id', '=', teamId)
    .where((eb) => eb(eb.val('team_lead'), '=', eb.fn.any('u.roles')))
    .where('u.active', '=', true)
    .execute();
}

/** Access grants of a case with who granted them and when. */
export function grantsOfCase(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_access_grant as g')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .leftJoin('app_user as by', (j) =>
      j.onRef('by.tenant_id', '=', 'g.tenant_id').onRef('by.id', '=', 'g.granted_by'),
    )
    .select([
      'u.id',
      'u.display_name',
      'u.active',
      'by.id as by_id',
      'by.display_name as by_name',
      'g.granted_at',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('g.case_id', '=', caseId)
    .execute();
}
