import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { appliedMigrationNames } from '../db/queries.ts';

/** Opens the configured database (nothing else may have it open) and brings its schema up to date. */
export async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = await openConfigured(config);
  try {
    if (!(await schemaIsCurrent(handle.db))) await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * Whether exactly the known migrations have run. One small query; Kysely's Migrator, which would say the same,
 * first reads the whole catalogue (about half a second of every start of the embedded database).
 */
export async function schemaIsCurrent(db: Database): Promise<boolean> {
  try {
    const names = await appliedMigrationNames(db);
    const known = Object.keys(migrations);
    return names.size === known.length && known.every((name) => names.has(name));
  } catch {
    return false;
  }
}

export function openConfigured(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, fsync: config.fsync });
}

export function describe(handle: DatabaseHandle, config: Config): string {
  return handle.kind === 'postgres'
    ? 'PostgreSQL-Server (DATABASE_URL)'
    : `eingebettete Datenbank in ${config.dataDir}, fsync ${config.fsync ? 'an' : 'aus'}`;
}

/** A file named on the command line, relative to where the command was started (npm runs scripts elsewhere). */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}
