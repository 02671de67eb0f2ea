import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { embeddedStartParams, SyncingNodeFS, syncTree } from './embedded-fs.ts';
import { CONTROL_FILE, clearDataDir, lockDataDir, reassertLock } from './lock.ts';
import { createPool } from './pool.ts';
import type { DB } from './schema.ts';
import { dropTemplate, readTemplate, saveTemplate } from './template.ts';
import { parsers } from './types.ts';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** The embedded engine itself (backups need it); absent on PostgreSQL. */
  pglite?: PGlite;
  /** The data directory of an embedded database on disk. */
  dataDir?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  /** Data directory of the embedded database; `memory://` or none: in memory. */
  dataDir?: string;
  /** Embedded database on disk: call fsync (see SyncingNodeFS). */
  fsync?: boolean;
  /** Embedded database on disk: fill the (empty) data directory from a backup made by dumpDataDir. */
  loadDataDir?: Blob;
}

/**
 * A PostgreSQL server when a URL is given; else the embedded PGlite in `dataDir` (or in memory for `memory://`).
 * A data directory on disk is locked for this process until close() (lock.ts).
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = createPool(options.url);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (!options.dataDir || options.dataDir === 'memory://') {
    return fromPglite(await createPglite({ parsers }, true));
  }

  const dir = path.resolve(options.dataDir);
  // Social data: only the owner may enter a new data directory (PGlite creates its files world-readable).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const release = lockDataDir(dir);
  try {
    const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
    const fsync = options.fsync ?? false;
    const settings = { parsers, startParams: embeddedStartParams(PGlite.defaultStartParams, fsync) };
    const pglite = options.loadDataDir
      ? await PGlite.create({ ...settings, fs: new SyncingNodeFS(dir), loadDataDir: options.loadDataDir })
      : await createPglite({ ...settings, fs: new SyncingNodeFS(dir) }, fresh, () => clearDataDir(dir));
    if (fresh) {
      // A backup (or the template) holds the files its server kept beside PostgreSQL's: its lock and its control
      // channel, both naming that server's process. Neither belongs here.
      reassertLock(dir);
      rmSync(path.join(dir, CONTROL_FILE), { force: true });
    }
    if (fsync && fresh) syncTree(dir);
    const handle = fromPglite(pglite);
    return {
      ...handle,
      dataDir: dir,
      close: async () => {
        try {
          await handle.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite on a new (empty) or existing file system. A new one is unpacked from the initdb template (template.ts)
 * when there is one, and becomes the template when there is none. A template that fails to load is dropped and
 * initdb runs after all (`reset` empties what the failed attempt wrote).
 */
async function createPglite(options: PGliteOptions, fresh: boolean, reset = () => {}): Promise<PGlite> {
  if (!fresh) return PGlite.create(options);
  const template = readTemplate();
  if (template) {
    try {
      return await PGlite.create({ ...options, loadDataDir: template });
    } catch {
      dropTemplate();
      reset();
    }
  }
  const pglite = await PGlite.create(options);
  await saveTemplate(pglite);
  return pglite;
}

export function fromPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
