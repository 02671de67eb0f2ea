import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

/**
 * Backups of both engines (docs/decisions.md "Backups"). The embedded database is copied as its data directory
 * (PGlite's dumpDataDir, a gzipped tar); a PostgreSQL server with pg_dump's custom format. Each kind is restored
 * into its own engine only.
 */
export type BackupKind = 'pglite' | 'postgres';

/** Which engine a backup file belongs to, from its first bytes; null when it is no Leuchtturm backup. */
export function backupKindOf(head: Uint8Array): BackupKind | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  return null;
}

/**
 * A transaction-consistent copy of an open embedded database. It holds Kysely's only connection, so no
 * transaction of the application is open while PGlite packs the files (which it does without yielding); the
 * checkpoint first writes the committed changes into the data files, so a restore needs no WAL replay.
 */
export async function dumpEmbedded(handle: DatabaseHandle): Promise<Uint8Array> {
  const pglite = handle.pglite;
  if (!pglite) throw new Error('dumpEmbedded needs an embedded database');
  return handle.db.connection().execute(async () => {
    await pglite.exec('checkpoint');
    const tarball = await pglite.dumpDataDir('gzip');
    return new Uint8Array(await tarball.arrayBuffer());
  });
}

/** Tables in the schema the application uses. */
export async function countTables(handle: DatabaseHandle): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(handle.db);
  return row.rows[0]?.n ?? 0;
}

/** Empties the schema the application uses (restore --force on PostgreSQL). */
export async function dropPublicSchema(handle: DatabaseHandle): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    await sql`drop schema public cascade`.execute(trx);
    await sql`create schema public`.execute(trx);
  });
}

/** pg_dump of the whole database in the custom format (one snapshot: consistent while the server runs). */
export function pgDump(url: string, file: string): Promise<void> {
  return runPgTool('pg_dump', url, ['--format=custom', `--file=${file}`]);
}

/**
 * pg_restore into an empty database, in one transaction: a failure leaves the target as it was. Owners and grants
 * of the source are not carried over (the target's user owns the restored objects).
 */
export function pgRestore(url: string, file: string): Promise<void> {
  return runPgTool('pg_restore', url, [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    file,
  ]);
}

/** Runs a PostgreSQL client program; the password goes through the environment, not the visible command line. */
function runPgTool(program: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(program, [`--dbname=${target.toString()}`, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${program} wurde nicht gefunden. Sicherungen eines PostgreSQL-Servers brauchen die PostgreSQL-Client-Programme pg_dump und pg_restore in der Version des Servers oder neuer (Debian: apt-get install postgresql-client).`,
            )
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} ist mit Fehler ${code} beendet worden:\n${stderr.trim()}`));
    });
  });
}
