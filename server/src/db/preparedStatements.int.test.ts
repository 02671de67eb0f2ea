import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase, testDatabaseUrl } from '../../test/db.ts';
import { openDatabase } from './database.ts';
import { PREPARE_FROM_LENGTH } from './preparedStatements.ts';

describe('long statements on PostgreSQL', () => {
  it('answers a long statement with its parameters alike on every run, and prepares it once per connection on PostgreSQL', async () => {
    const url = testDatabaseUrl();
    // The embedded database has no statement cache to fill: there the statement is only run (same answers).
    const handle = url ? await openDatabase({ url }) : await testDatabase();
    const padding = sql.raw(`-- ${'x'.repeat(PREPARE_FROM_LENGTH)}\n`);
    try {
      const counts = await handle.db.connection().execute(async (db) => {
        const prepared = async () =>
          url
            ? Number(
                (
                  await sql<{
                    n: number;
                  }>`select count(*)::int as n from pg_prepared_statements where name like 'lt\\_%'`.execute(
                    db,
                  )
                ).rows[0]?.n,
              )
            : 0;
        const before = await prepared();
        for (const n of [1, 2, 3, 40, 41, 42, 7]) {
          const row = (await sql<{ n: number }>`select ${n}::int * 2 as n ${padding}`.execute(db)).rows[0];
          expect(row?.n).toBe(n * 2);
        }
        const afterLong = await prepared();
        await sql`select 1`.execute(db);
        return { before, afterLong, afterShort: await prepared() };
      });
      expect(counts).toEqual(
        url ? { before: 0, afterLong: 1, afterShort: 1 } : { before: 0, afterLong: 0, afterShort: 0 },
      );
    } finally {
      if (url) await handle.close();
    }
  });
});
