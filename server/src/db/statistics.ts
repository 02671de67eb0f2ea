import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * ANALYZE for the embedded database, which has no autovacuum: only the tables never analysed or whose size on disk
 * has moved by more than a tenth (and a few pages) from what their last analysis recorded. Sizes are file sizes
 * and pg_class rows, so deciding costs next to nothing; a start after a quiet day analyses nothing. Returns the
 * tables analysed.
 */
export async function analyzeChangedTables(db: Database): Promise<string[]> {
  const stale = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and (c.reltuples < 0
        or abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > 0.1 * c.relpages + 8)
    order by c.relname`.execute(db);
  const names = stale.rows.map((r) => r.name);
  if (names.length > 0) {
    await sql`analyze ${sql.join(names.map((name) => sql.table(name)))}`.execute(db);
  }
  return names;
}
