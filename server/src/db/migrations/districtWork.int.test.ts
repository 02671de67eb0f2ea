import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database.ts';
import { migrations } from './index.ts';

describe('migration 0020 (district work)', () => {
  it('turns the count of a need recorded before into as many mentions, on its first day with its first source', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    try {
      const db = handle.db;
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0020'));
      const upTo = (set: typeof migrations) =>
        new Migrator({ db, provider: { getMigrations: async () => set } }).migrateToLatest();
      expect((await upTo(before)).error).toBeUndefined();
      const tenant = randomUUID();
      const district = randomUUID();
      const need = randomUUID();
      await sql`insert into tenant (id, slug, name) values (${tenant}, ${`m-${tenant.slice(0, 8)}`}, 'Amt')`.execute(
        db,
      );
      await sql`insert into district (tenant_id, id, name, code) values (${tenant}, ${district}, 'Nordhafen', 'NH')`.execute(
        db,
      );
      await sql`insert into need (tenant_id, id, district_id, age_cohort, text, source, mentions, created_on)
                values (${tenant}, ${need}, ${district}, '3-10', 'Elterncafé', 'bedarfsrunde', 3, '2025-03-01')`.execute(
        db,
      );
      expect((await upTo(migrations)).error).toBeUndefined();
      const rows = await db
        .selectFrom('need_mention')
        .select(['source', 'mentioned_on'])
        .where('need_id', '=', need)
        .execute();
      expect(rows).toEqual([
        { source: 'bedarfsrunde', mentioned_on: '2025-03-01' },
        { source: 'bedarfsrunde', mentioned_on: '2025-03-01' },
        { source: 'bedarfsrunde', mentioned_on: '2025-03-01' },
      ]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
