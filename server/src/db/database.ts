import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * Types come back the same on both engines: numeric as an exact decimal string, date as 'YYYY-MM-DD', bigint
 * as a number (our bigints are counters and sequence numbers, far below 2^53).
 */
const parsers = {
  [OID.int8]: (v: string) => Number(v),
  [OID.numeric]: (v: string) => v,
  [OID.date]: (v: string) => v,
};

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** A PostgreSQL server when a URL is given; else the embedded PGlite in `dataDir` (or in memory for `memory://`). */
export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: string) => {
          const parser = parsers[oid as keyof typeof parsers];
          return parser ?? pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = options.dataDir;
  if (dir && dir !== 'memory://') mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir === 'memory://' || !dir ? undefined : dir, { parsers });
  return fromPglite(pglite);
}

export function fromPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
