import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Statements about the database as a whole, which belong to no module. */

/** Answers when the database does (the health check). */
export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Refreshes the planner's statistics of every table: after a bulk load, and at the start of the embedded database,
 * which has no autovacuum to do it.
 */
export async function analyze(db: Database): Promise<void> {
  await sql`analyze`.execute(db);
}
