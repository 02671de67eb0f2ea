import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The database of this test worker: the run's PostgreSQL database, or one migrated in-memory PGlite per worker.
 * Tests never truncate: each makes its own tenant (factories.ts), so they run in parallel on one database.
 */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    const url = inject('databaseUrl');
    if (url) return openDatabase({ url });
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  })();
  return shared;
}

export function testDatabaseUrl(): string | null {
  return inject('databaseUrl');
}
