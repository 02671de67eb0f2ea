import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, ResponsibilityTable, StreetTable } from '../../../db/schema.ts';
import { likePattern } from '../../../shared/like.ts';

/** Streets and the address-based responsibilities (which team serves which house numbers). */

/** Streets of that (normalised, lower-case) name; at most two, which is enough to tell "ambiguous". */
export function findStreetsByName(
  db: Kysely<DB>,
  tenantId: string,
  normalisedName: string,
  postalCode: string | undefined,
) {
  let streets = db
    .selectFrom('street as s')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.district_id'),
    )
    .select(['s.id', 's.name', 's.postal_code', 'd.id as district_id', 'd.name as district_name'])
    .where('s.tenant_id', '=', tenantId)
    .where(sql<boolean>`lower(s.name) = ${normalisedName}`);
  if (postalCode) streets = streets.where('s.postal_code', '=', postalCode);
  return streets.limit(2).execute();
}

/** A street of the directory by its id, with its district. */
export function findStreetById(db: Kysely<DB>, tenantId: string, streetId: string) {
  return db
    .selectFrom('street as s')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.district_id'),
    )
    .select(['s.id', 's.name', 's.postal_code', 'd.id as district_id', 'd.name as district_name'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id', '=', streetId)
    .executeTakeFirst();
}

/** Streets whose name contains every word (lower case), in name order: the intake's suggestions. */
export function searchStreets(db: Kysely<DB>, tenantId: string, words: string[], limit: number) {
  let q = db
    .selectFrom('street as s')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.district_id'),
    )
    .select(['s.id', 's.name', 's.postal_code', 'd.id as district_id', 'd.name as district_name'])
    .where('s.tenant_id', '=', tenantId);
  for (const word of words) q = q.where(sql<boolean>`lower(s.name) like ${likePattern(word)}`);
  return q.orderBy('s.name').orderBy('s.postal_code').limit(limit).execute();
}

/** The responsibility rules of these streets with their team, by house number (whole street first). */
export function findRulesOfStreets(db: Kysely<DB>, tenantId: string, streetIds: string[]) {
  if (streetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('responsibility as r')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.id', '=', 'r.team_id'))
    .select(['r.street_id', 'r.house_from', 'r.house_to', 't.id as team_id', 't.name as team_name'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.street_id', 'in', streetIds)
    .orderBy(sql`r.house_from nulls first`)
    .execute();
}

/** The responsibility rules of a street with their team and Sozialzentrum. */
export function findStreetRules(db: Kysely<DB>, tenantId: string, streetId: string) {
  return db
    .selectFrom('responsibility as r')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.id', '=', 'r.team_id'))
    .innerJoin('social_centre as sc', (j) =>
      j.onRef('sc.tenant_id', '=', 't.tenant_id').onRef('sc.id', '=', 't.social_centre_id'),
    )
    .select([
      'r.house_from',
      'r.house_to',
      't.id as team_id',
      't.name as team_name',
      'sc.id as centre_id',
      'sc.name as centre_name',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.street_id', '=', streetId)
    .execute();
}

export function insertStreet(db: Kysely<DB>, row: Insertable<StreetTable>) {
  return db.insertInto('street').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes a street if it still has `version`, bumping it. */
export function updateStreetRow(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  values: { district_id: string; name: string; postal_code: string },
) {
  return db
    .updateTable('street')
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function deleteStreetRow(db: Kysely<DB>, tenantId: string, id: string) {
  return db.deleteFrom('street').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Locks a street for the rest of the transaction, so that two new rules for it are checked for overlap one after
 * the other.
 */
export function lockStreet(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('street')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The house-number ranges already given to a team in a street (null: the whole street). */
export function findHouseRanges(db: Kysely<DB>, tenantId: string, streetId: string) {
  return db
    .selectFrom('responsibility')
    .select(['house_from', 'house_to'])
    .where('tenant_id', '=', tenantId)
    .where('street_id', '=', streetId)
    .execute();
}

export function insertResponsibility(db: Kysely<DB>, row: Insertable<ResponsibilityTable>) {
  return db.insertInto('responsibility').values(row).returning('id').executeTakeFirstOrThrow();
}

export function deleteResponsibilityRow(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .deleteFrom('responsibility')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
