import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrations } from '../../db/migrations/index.ts';
import { shippedDefinitions } from './shipped.ts';

// Runs on its own embedded database (in memory), whatever database the other tests use.
describe('migration 0011', () => {
  it('gives the Jugendämter that existed before it the shipped process definitions', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    try {
      const upTo = (last: string) =>
        new Migrator({
          db: handle.db,
          provider: {
            getMigrations: async () =>
              Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last)),
          },
        }).migrateToLatest();
      expect((await upTo('0010_network_tie_version')).error).toBeUndefined();
      const before = await sql<{
        id: string;
      }>`insert into tenant (slug, name) values ('alt', 'Altes Jugendamt')
        returning id`.execute(handle.db);
      const tenantId = before.rows[0]?.id;
      expect((await upTo('0011_processes')).error).toBeUndefined();

      const rows = await handle.db
        .selectFrom('process_definition')
        .select(['key', 'version', 'name', 'steps'])
        .where('tenant_id', '=', tenantId as string)
        .orderBy('key')
        .execute();
      const expected = shippedDefinitions
        .filter((d) => d.version === 1)
        .map((d) => ({ key: d.key, version: 1, name: d.name, steps: d.steps }))
        .sort((a, b) => a.key.localeCompare(b.key));
      expect(rows).toEqual(expected);
      await expect(
        sql`update process_definition set name = 'x' where tenant_id = ${tenantId}`.execute(handle.db),
      ).rejects.toThrow(/immutable/);
    } finally {
      await handle.close();
    }
  });
});
