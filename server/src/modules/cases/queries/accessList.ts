import { type Kysely, sql } from 'kysely';
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

/**
 * Active deputies of a case manager on `today`: the standing ones (no end) and those of an absence whose period
 * contains today (until its last day).
 */
export function activeDeputiesOf(db: Kysely<DB>, tenantId: string, userId: string, today: string) {
  const standing = db
    .selectFrom('deputy as d')
    .select(['d.deputy_user_id as id', sql<string | null>`null::date`.as('valid_until')])
    .where('d.tenant_id', '=', tenantId)
    .where('d.user_id', '=', userId);
  const forAbsence = db
    .selectFrom('absence as a')
    .select(['a.deputy_user_id as id', 'a.to_on as valid_until'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.user_id', '=', userId)
    .where('a.from_on', '<=', today)
    .where('a.to_on', '>=', today);
  return users(db, tenantId)
    .innerJoin(standing.union(forAbsence).as('d'), 'd.id', 'u.id')
    .select('d.valid_until')
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

/** The access grants of a case that still hold on `today`, with who granted them, when and until when. */
export function grantsOfCase(db: Kysely<DB>, tenantId: string, caseId: string, today: string) {
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
      'g.valid_until',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('g.case_id', '=', caseId)
    .where((w) => w.or([w('g.valid_until', 'is', null), w('g.valid_until', '>=', today)]))
    .execute();
}
