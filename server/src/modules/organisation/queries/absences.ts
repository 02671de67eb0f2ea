import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Absences (Abwesenheit) and their deputies: who stands in for whom, from one day to another. */

/** An account with what the absence rules need: active, roles, team. */
export function findAbsenceParty(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'active', 'roles', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findAbsence(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('absence')
    .select(['id', 'user_id', 'deputy_user_id', 'from_on', 'to_on', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Another absence of the same person whose period shares a day with [fromOn, toOn]. */
export function findOverlappingAbsence(
  db: Kysely<DB>,
  tenantId: string,
  userId: string,
  fromOn: string,
  toOn: string,
  exceptId: string | null,
) {
  let q = db
    .selectFrom('absence')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('from_on', '<=', toOn)
    .where('to_on', '>=', fromOn);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function insertAbsence(
  db: Kysely<DB>,
  row: {
    tenant_id: string;
    user_id: string;
    deputy_user_id: string;
    from_on: string;
    to_on: string;
    note: string | null;
    created_by: string | null;
  },
) {
  return db.insertInto('absence').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateAbsenceRow(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  values: { deputy_user_id: string; from_on: string; to_on: string; note: string | null },
) {
  return db
    .updateTable('absence')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function deleteAbsenceRow(db: Kysely<DB>, tenantId: string, id: string) {
  return db.deleteFrom('absence').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * The absences not yet over on `today` that the actor may see: her own and those she covers, and (team) those of
 * her team's members, or (all) every one of the tenant.
 */
export function listAbsences(
  db: Kysely<DB>,
  tenantId: string,
  today: string,
  visible: { userId: string; teamId: string | null; all: boolean },
) {
  return db
    .selectFrom('absence as a')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.user_id'),
    )
    .innerJoin('app_user as d', (j) =>
      j.onRef('d.tenant_id', '=', 'a.tenant_id').onRef('d.id', '=', 'a.deputy_user_id'),
    )
    .select([
      'a.id',
      'a.user_id',
      'a.deputy_user_id',
      'a.from_on',
      'a.to_on',
      'a.note',
      'a.version',
      'u.display_name as user_name',
      'd.display_name as deputy_name',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.to_on', '>=', today)
    .where((eb) =>
      visible.all
        ? eb.lit(true)
        : eb.or([
            eb('a.user_id', '=', visible.userId),
            eb('a.deputy_user_id', '=', visible.userId),
            ...(visible.teamId ? [eb('u.team_id', '=', visible.teamId)] : []),
          ]),
    )
    .orderBy('a.from_on')
    .orderBy('u.display_name')
    .execute();
}
export type AbsenceRow = Awaited<ReturnType<typeof listAbsences>>[number];
