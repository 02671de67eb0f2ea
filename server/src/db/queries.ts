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

/** The names of the migrations that have run (throws when the migration table does not exist yet). */
export async function appliedMigrationNames(db: Database): Promise<Set<string>> {
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return new Set(applied.rows.map((row) => row.name));
}
