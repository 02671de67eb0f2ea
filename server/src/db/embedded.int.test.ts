import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir, removeTempDirs } from '../../test/cli.ts';
import { type Database, openDatabase } from './database.ts';
import { SyncingNodeFS } from './embedded-fs.ts';

// The template directory (an initdb) is made before the tests, so its cost does not count against one of them.
beforeAll(() => migratedDataDir(), 300_000);
afterAll(removeTempDirs);

async function setting(db: Database, name: string) {
  const result = await sql<{ setting: string }>`select setting from pg_settings where name = ${name}`.execute(
    db,
  );
  return result.rows[0]?.setting;
}

describe('the embedded database on disk', () => {
  it('refuses a second open of the same data directory with a German message naming directory and pid', async () => {
    const dir = await migratedDataDir();
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      `Die eingebettete Datenbank in ${dir} wird bereits von einem anderen Prozess (PID ${process.pid}) verwendet.`,
    );
    // The refused open did not disturb the first one, and after closing the directory can be opened again.
    await sql`create table still_open (id int)`.execute(first.db);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename = 'still_open'`.execute(again.db);
    expect(tables.rows[0]?.n).toBe(1);
    await again.close();
  }, 120_000);

  it('runs without fsync by default: no commit reaches fsync', async () => {
    const handle = await openDatabase({ dataDir: await migratedDataDir() });
    const fs = handle.pglite?.fs as SyncingNodeFS;
    expect(fs).toBeInstanceOf(SyncingNodeFS);
    expect(await setting(handle.db, 'fsync')).toBe('off');
    await sql`create table t (id int)`.execute(handle.db);
    for (let i = 0; i < 3; i++) await sql`insert into t values (${i})`.execute(handle.db);
    expect(fs.syncs).toBe(0);
    await handle.close();
  }, 120_000);

  it('with fsync on, every commit is flushed to the disk by an fsync that reaches the operating system', async () => {
    const handle = await openDatabase({ dataDir: await migratedDataDir(), fsync: true });
    const fs = handle.pglite?.fs as SyncingNodeFS;
    expect(await setting(handle.db, 'fsync')).toBe('on');
    expect(await setting(handle.db, 'wal_sync_method')).toBe('fsync');
    await sql`create table t (id int)`.execute(handle.db);
    const before = fs.syncs;
    for (let i = 0; i < 3; i++) await sql`insert into t values (${i})`.execute(handle.db);
    expect(fs.syncs - before).toBeGreaterThanOrEqual(3);
    await handle.close();
  }, 120_000);
});
