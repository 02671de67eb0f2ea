import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../test/cli.ts';
import { openDatabase } from './database.ts';
import { LOCK_FILE } from './lock.ts';
import { templateFile } from './template.ts';

afterAll(removeTempDirs);

async function works(handle: Awaited<ReturnType<typeof openDatabase>>) {
  await sql`create table probe (id int)`.execute(handle.db);
  await sql`insert into probe values (1)`.execute(handle.db);
  const rows = await sql<{ n: number }>`select count(*)::int as n from probe`.execute(handle.db);
  return rows.rows[0]?.n === 1;
}

describe('the initdb template of new embedded databases', () => {
  it('is kept after the first initdb and gives new data directories a working database of their own', async () => {
    const first = await openDatabase({ dataDir: 'memory://' });
    await first.close();
    expect(existsSync(templateFile)).toBe(true);

    const dir = path.join(tempDir('template'), 'data');
    const handle = await openDatabase({ dataDir: dir });
    expect(await works(handle)).toBe(true);
    // The lock inside the template (of the process that made it) is replaced by this process's.
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await handle.close();
    const reopened = await openDatabase({ dataDir: dir });
    const rows = await sql<{ n: number }>`select count(*)::int as n from probe`.execute(reopened.db);
    expect(rows.rows[0]?.n).toBe(1);
    await reopened.close();
  }, 300_000);

  it('is dropped when damaged: initdb runs instead and writes a good one', async () => {
    writeFileSync(templateFile, 'kein tar');
    const dir = path.join(tempDir('template'), 'data');
    const handle = await openDatabase({ dataDir: dir });
    expect(await works(handle)).toBe(true);
    await handle.close();
    expect(readFileSync(templateFile).length).toBeGreaterThan(1_000_000);
  }, 300_000);
});
