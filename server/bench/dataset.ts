import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { generateDemoData, type Scale } from '../src/modules/demo/generator.ts';

/**
 * The bench's data set, generated once and kept between runs: keyed by the scale and a hash of the demo generator's
 * and the migrations' sources (a change to either makes a new one).
 * - Embedded: a dump of the generated data directory in node_modules/.cache/leuchtturm-bench, loaded into a fresh
 *   temporary data directory for each run.
 * - PostgreSQL: a template database `leuchtturm_bench_tpl_<scale>_<hash>` on the server, cloned for each run with
 *   CREATE DATABASE ... TEMPLATE and dropped after.
 */
export const BENCH_SLUG = 'bench';
export const BENCH_PASSWORD = 'bench-passwort-1';

const serverDir = path.resolve(import.meta.dirname, '..');
const cacheDir = path.resolve(serverDir, '../node_modules/.cache/leuchtturm-bench');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.includes('.test.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Hash of everything that decides the generated data: the generator, the migrations and the scale. */
export function datasetKey(scale: Scale): string {
  const hash = createHash('sha256').update(`v1 ${scale}\n`);
  for (const dir of ['src/modules/demo', 'src/db/migrations']) {
    for (const file of filesUnder(path.join(serverDir, dir))) {
      hash.update(path.relative(serverDir, file)).update(readFileSync(file));
    }
  }
  return `${scale}_${hash.digest('hex').slice(0, 12)}`;
}

export interface BenchDatabase {
  handle: DatabaseHandle;
  tenantId: string;
  /** Seconds spent generating (0: taken from the cache). */
  generatedIn: number;
  close(): Promise<void>;
}

async function generate(handle: DatabaseHandle, scale: Scale): Promise<string> {
  await migrateToLatest(handle.db);
  const summary = await generateDemoData(handle.db, { scale, password: BENCH_PASSWORD, slug: BENCH_SLUG });
  return summary.tenantId;
}

async function tenantOf(handle: DatabaseHandle): Promise<string> {
  const row = await handle.db
    .selectFrom('tenant')
    .select('id')
    .where('slug', '=', BENCH_SLUG)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function openEmbedded(scale: Scale, log: (m: string) => void): Promise<BenchDatabase> {
  const key = datasetKey(scale);
  const dump = path.join(cacheDir, `pglite-${key}.tar`);
  let generatedIn = 0;
  if (!existsSync(dump)) {
    log(`  Erzeuge Demo-Daten (${scale}) im eingebetteten Speicher, einmalig für ${key} ...`);
    const started = Date.now();
    const buildDir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-bench-build-'));
    try {
      const handle = await openDatabase({ dataDir: buildDir });
      try {
        const pglite = handle.pglite;
        if (!pglite) throw new Error('no embedded database');
        await generate(handle, scale);
        await pglite.exec('vacuum analyze');
        await pglite.exec('checkpoint');
        const tar = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
        mkdirSync(cacheDir, { recursive: true });
        for (const old of readdirSync(cacheDir).filter((f) => f.startsWith(`pglite-${scale}_`)))
          rmSync(path.join(cacheDir, old), { force: true });
        const temp = `${dump}.${process.pid}`;
        writeFileSync(temp, tar);
        renameSync(temp, dump);
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
    generatedIn = (Date.now() - started) / 1000;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-bench-'));
  const handle = await openDatabase({
    dataDir: dir,
    loadDataDir: new Blob([readFileSync(dump)], { type: 'application/x-tar' }),
  });
  return {
    handle,
    tenantId: await tenantOf(handle),
    generatedIn,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function openPostgres(
  adminUrl: string,
  scale: Scale,
  log: (m: string) => void,
): Promise<BenchDatabase> {
  const key = datasetKey(scale);
  const template = `leuchtturm_bench_tpl_${key}`;
  const exists = async (name: string) =>
    admin(
      adminUrl,
      async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
    );
  let generatedIn = 0;
  if (!(await exists(template))) {
    log(`  Erzeuge Demo-Daten (${scale}) auf PostgreSQL, einmalig als Vorlage ${template} ...`);
    const started = Date.now();
    const building = `leuchtturm_bench_build_${process.pid}_${Date.now()}`;
    await admin(adminUrl, (c) => c.query(`create database ${building}`));
    try {
      const handle = await openDatabase({ url: withDatabase(adminUrl, building) });
      try {
        await generate(handle, scale);
        await sql`vacuum analyze`.execute(handle.db);
      } finally {
        await handle.close();
      }
      await admin(adminUrl, async (c) => {
        const old = await c.query<{ datname: string }>(
          'select datname from pg_database where datname like $1',
          [`leuchtturm_bench_tpl_${scale}_%`],
        );
        for (const row of old.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
        await c.query(`alter database ${building} rename to ${template}`);
      });
    } catch (error) {
      await admin(adminUrl, (c) => c.query(`drop database if exists ${building} with (force)`));
      throw error;
    }
    generatedIn = (Date.now() - started) / 1000;
  }
  const name = `leuchtturm_bench_run_${process.pid}_${Date.now()}`;
  await admin(adminUrl, (c) => c.query(`create database ${name} template ${template}`));
  const handle = await openDatabase({ url: withDatabase(adminUrl, name) });
  return {
    handle,
    tenantId: await tenantOf(handle),
    generatedIn,
    close: async () => {
      await handle.close();
      await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
