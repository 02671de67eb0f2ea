import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the configured database and brings its schema up to date (every command works on a current schema). */
export async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export function describe(handle: DatabaseHandle, config: Config): string {
  return handle.kind === 'postgres'
    ? 'PostgreSQL-Server (DATABASE_URL)'
    : `eingebettete Datenbank in ${config.dataDir}`;
}
