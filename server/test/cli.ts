import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** The `leuchtturm` command as an operator runs it: a process of its own. */
const bin = path.resolve(import.meta.dirname, '../bin/leuchtturm.js');

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * The environment of a CLI or server process: the test process's, without its database settings, plus `env`
 * (e.g. LEUCHTTURM_DATA_DIR or DATABASE_URL).
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LEUCHTTURM_DATA_DIR: _dir, INIT_CWD: _cwd, ...rest } = process.env;
  return { ...rest, ...env };
}

export function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: childEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

export interface RunningServer {
  process: ChildProcess & { pid: number };
  url: string;
  stop(): Promise<number | null>;
}

/** `leuchtturm serve` in a process of its own, on a free loopback port; resolves once it answers. */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: childEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    }) as ChildProcess & { pid: number };
    let out = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const running = /läuft auf (http:\/\/\S+) /.exec(out);
      if (running?.[1]) resolve({ process: child, url: running[1].replace('localhost', '127.0.0.1'), stop });
    });
    exited.then((code) => reject(new Error(`server ended (${code}) before it answered:\n${out}`)));
  });
}

const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `leuchtturm-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

let template: Promise<string> | undefined;

/**
 * A fresh embedded data directory with the current schema. Creating one costs an initdb (seconds); this makes one
 * per test file and hands out copies.
 */
export async function migratedDataDir(): Promise<string> {
  template ??= (async () => {
    const dir = path.join(tempDir('template'), 'data');
    const handle = await openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    await handle.close();
    return dir;
  })();
  const copy = path.join(tempDir('data'), 'data');
  cpSync(await template, copy, { recursive: true });
  return copy;
}

export interface TableDigest {
  rows: number;
  md5: string;
}

/** Row count and a hash of the content of every table, to compare two databases. */
export async function tableDigests(handle: DatabaseHandle): Promise<Record<string, TableDigest>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(
    handle.db,
  );
  const digests: Record<string, TableDigest> = {};
  for (const { name } of tables.rows) {
    const result = await sql<TableDigest>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
      from ${sql.table(name)} t`.execute(handle.db);
    const digest = result.rows[0];
    if (digest) digests[name] = digest;
  }
  return digests;
}
