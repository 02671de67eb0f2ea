import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { generateDemoData, type Scale } from '../src/modules/demo/generator.ts';

/**
 * The load test's database: the city demo data, generated once per version of the schema and the generator and
 * kept as a template (a PGlite data directory, a PostgreSQL template database); each run works on a copy.
 */
export const LOAD_PASSWORD = 'lasttest-passwort-1';
export const LOAD_SLUG = 'hafenstadt-last';

const root = path.resolve(import.meta.dirname, '../..');
/** Beside the checkout, not in node_modules: `npm ci` (as CI runs it) must not throw the city away. */
const cacheDir = path.join(root, '.tmp/leuchtturm-load');

/** Raise when `fillCity` changes what it writes (the migrations and the demo generator are hashed anyway). */
const FIXTURE_VERSION = 'staff-passwords-1';

/** Changes whenever the migrations, the demo generator or the fixture change (then the city is generated anew). */
export function sourceKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.ts') && !name.includes('.test.')) hash.update(name).update(readFileSync(file));
    }
  };
  walk(path.join(root, 'server/src/db/migrations'));
  walk(path.join(root, 'server/src/modules/demo'));
  hash.update(FIXTURE_VERSION);
  return hash.digest('hex').slice(0, 12);
}

/**
 * Fills an empty, migrated database with the city and gives every active staff account the load test's password
 * (the generator sets passwords only on the seven demo accounts; the office's 230 people sign in here).
 */
async function fillCity(
  scale: Scale,
  url: string | undefined,
  dataDir: string | undefined,
  log: (m: string) => void,
) {
  const handle = url ? await openDatabase({ url }) : await openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    const started = Date.now();
    const summary = await generateDemoData(handle.db, {
      scale,
      password: LOAD_PASSWORD,
      slug: LOAD_SLUG,
    });
    await handle.db
      .updateTable('app_user')
      .set({ password_hash: await hashPassword(LOAD_PASSWORD) })
      .where('tenant_id', '=', summary.tenantId)
      .where('active', '=', true)
      .execute();
    log(
      `  Stadt erzeugt in ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary.counts.case_file} Fälle, ${summary.counts.staff} Mitarbeitende`,
    );
  } finally {
    await handle.close();
  }
}

/** A copy of the cached city in a new data directory under `workDir` (made first when there is none). */
export async function embeddedCity(scale: Scale, workDir: string, log: (m: string) => void): Promise<string> {
  const template = path.join(cacheDir, `pglite-${scale}-${sourceKey()}`);
  if (!existsSync(template)) {
    log(`Erzeuge die Demo-Daten ${scale} (eingebettete Datenbank, einmalig je Stand des Schemas) ...`);
    const temp = `${template}.${process.pid}`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    await fillCity(scale, undefined, temp, log);
    // The data directories of earlier versions of the schema or the generator are never used again.
    for (const entry of readdirSync(cacheDir))
      if (entry.startsWith(`pglite-${scale}-`) && !entry.includes('.'))
        rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
    renameSync(temp, template);
  }
  const dir = path.join(workDir, 'data');
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** The name of a PostgreSQL template of `scale` without its key (the key follows it). */
const templatePrefix = (scale: Scale) => `lt_load_${scale === '10x' ? 'x10' : scale}_`;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the PostgreSQL server of `adminUrl`, copied from the cached city template (created first
 * when there is none). Returns its URL and a function that drops it.
 */
export async function postgresCity(
  scale: Scale,
  adminUrl: string,
  log: (m: string) => void,
): Promise<{ url: string; drop(): Promise<void> }> {
  const template = `${templatePrefix(scale)}${sourceKey()}`;
  const exists = await admin(adminUrl, async (c) => {
    const r = await c.query('select 1 from pg_database where datname = $1', [template]);
    return r.rowCount === 1;
  });
  if (!exists) {
    log(`Erzeuge die Demo-Daten ${scale} (PostgreSQL, einmalig je Stand des Schemas) ...`);
    const temp = `${template}_${process.pid}`;
    await admin(adminUrl, (c) => c.query(`create database ${quote(temp)}`));
    try {
      await fillCity(scale, withDatabase(adminUrl, temp), undefined, log);
      await admin(adminUrl, async (c) => {
        // The templates of earlier versions of the schema or the generator are never used again (as bench/dataset.ts).
        const old = await c.query<{ datname: string }>(
          'select datname from pg_database where datname like $1 and datname <> $2',
          [`${templatePrefix(scale)}%`, temp],
        );
        for (const row of old.rows)
          await c.query(`drop database if exists ${quote(row.datname)} with (force)`);
        await c.query(`alter database ${quote(temp)} rename to ${quote(template)}`);
      });
    } catch (error) {
      await admin(adminUrl, (c) => c.query(`drop database if exists ${quote(temp)}`));
      throw error;
    }
  }
  const name = `lt_load_run_${process.pid}_${Date.now()}`;
  await admin(adminUrl, (c) => c.query(`create database ${quote(name)} template ${quote(template)}`));
  return {
    url: withDatabase(adminUrl, name),
    drop: () =>
      admin(adminUrl, (c) => c.query(`drop database if exists ${quote(name)} with (force)`)).then(() => {}),
  };
}
