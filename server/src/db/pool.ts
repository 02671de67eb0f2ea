import pg from 'pg';
import { PreparingClient } from './preparedStatements.ts';
import { OID, parsers } from './types.ts';

/** What is reported of a connection the server closed while the pool held it idle: its SQLSTATE, nothing else. */
export interface LostConnection {
  code: string;
}

/**
 * The default report of a lost idle connection: one line on stderr with the SQLSTATE only (a server's message could
 * quote a statement, and statements carry social data).
 */
export function reportLostConnection(lost: LostConnection): void {
  process.stderr.write(
    `PostgreSQL hat eine ruhende Verbindung beendet (SQLSTATE ${lost.code}); sie wird bei Bedarf neu aufgebaut.\n`,
  );
}

/**
 * The pool of a PostgreSQL server. A connection the server ends while it is idle in the pool (a restart, an
 * administrator's `pg_terminate_backend`, `drop database ... with (force)`, an idle timeout) is reported to the
 * pool as an 'error' event; pg-pool has already dropped it and opens a new one when needed. Without a listener
 * that event is thrown and ends the whole process, so one is always attached.
 */
export function createPool(
  url: string,
  onLost: (lost: LostConnection) => void = reportLostConnection,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // No JIT compilation: it pays off for queries of seconds, and this product's are of milliseconds. A list or
    // a dashboard whose estimated cost crosses jit_above_cost spent ~100 ms compiling for a few ms of work (the
    // person search of a team lead at city scale: 250 ms with JIT, 110 ms without). docs/decisions.md.
    options: '-c jit=off',
    // Long statements are prepared once per connection (preparedStatements.ts).
    Client: PreparingClient,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parser = parsers[oid as keyof typeof parsers];
        // date[] like date: 'YYYY-MM-DD' strings (PGlite applies the date parser to the elements by itself).
        if (oid === OID.dateArray)
          return pg.types.getTypeParser(
            OID.textArray as Parameters<typeof pg.types.getTypeParser>[0],
            'text',
          );
        return parser ?? pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', (error: Error & { code?: string }) => onLost({ code: error.code ?? 'unbekannt' }));
  return pool;
}
