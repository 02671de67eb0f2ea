import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The demo generator's writes. It loads synthetic data straight into the tables, bypassing the services (no audit
 * per row, no access checks: it runs as the system when a tenant is created), so its statements are its own.
 */

/** Inserts in chunks (PostgreSQL allows 65,535 parameters a statement) and returns the rows in input order. */
export async function insertChunked<T extends keyof DB, K extends keyof DB[T] & string>(
  db: Kysely<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
  returning: K[],
): Promise<Record<K, string>[]> {
  const out: Record<K, string>[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot type an insert into a table chosen at run time.
    const insert = (db.insertInto(table) as any).values(chunk);
    const result = await (returning.length > 0 ? insert.returning(returning) : insert).execute();
    out.push(...(result as Record<K, string>[]));
  }
  return out;
}

/** The structure is inserted one row at a time: each answers the id that the next rows point to. */
export function insertSocialCentre(db: Kysely<DB>, row: Insertable<DB['social_centre']>) {
  return db.insertInto('social_centre').values(row).returning('id').executeTakeFirstOrThrow();
}

export function insertTeam(db: Kysely<DB>, row: Insertable<DB['team']>) {
  return db.insertInto('team').values(row).returning('id').executeTakeFirstOrThrow();
}

export function insertDistrict(db: Kysely<DB>, row: Insertable<DB['district']>) {
  return db.insertInto('district').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function setTeamLead(db: Kysely<DB>, tenantId: string, teamId: string, userId: string) {
  await db
    .updateTable('team')
    .set({ lead_user_id: userId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', teamId)
    .execute();
}

/** The last case number given out in a year, so that new cases continue the demo's numbering. */
export async function insertCaseCounter(db: Kysely<DB>, tenantId: string, year: number, last: number) {
  await db.insertInto('case_counter').values({ tenant_id: tenantId, year, last }).execute();
}
