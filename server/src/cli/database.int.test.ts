import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { analyzeChangedTables } from '../db/statistics.ts';
import { schemaIsCurrent } from './database.ts';

describe('start-up shortcuts', () => {
  it('sees the schema as current only when exactly the known migrations have run', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await schemaIsCurrent(handle.db)).toBe(false);
      await migrateToLatest(handle.db);
      expect(await schemaIsCurrent(handle.db)).toBe(true);
      await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(
        handle.db,
      );
      expect(await schemaIsCurrent(handle.db)).toBe(false);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('analyses a table never analysed and one that has grown, and leaves an unchanged one alone', async () => {
    const { db } = await testDatabase();
    const table = `analyse_probe_${Date.now()}`;
    await sql`create table ${sql.table(table)} (id int, note text)`.execute(db);
    try {
      expect(await analyzeChangedTables(db)).toContain(table);
      expect(await analyzeChangedTables(db)).not.toContain(table);
      await sql`insert into ${sql.table(table)} select i, repeat('x', 200) from generate_series(1, 5000) i`.execute(
        db,
      );
      expect(await analyzeChangedTables(db)).toContain(table);
      expect(await analyzeChangedTables(db)).not.toContain(table);
      const stats = await sql<{ reltuples: number }>`
        select reltuples::int as reltuples from pg_class where relname = ${table}`.execute(db);
      expect(stats.rows[0]?.reltuples).toBe(5000);
    } finally {
      await sql`drop table ${sql.table(table)}`.execute(db);
    }
  }, 120_000);
});
