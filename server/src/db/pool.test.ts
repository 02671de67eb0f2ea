import { describe, expect, it } from 'vitest';
import { createPool, type LostConnection } from './pool.ts';

describe('the PostgreSQL pool', () => {
  it('survives the server ending an idle connection and reports only its SQLSTATE', async () => {
    const lost: LostConnection[] = [];
    // No connection is opened: the pool connects on its first query.
    const pool = createPool('postgres://nobody@127.0.0.1:1/none', (l) => lost.push(l));
    try {
      // What pg-pool does when an idle client gets `FATAL 57P01 terminating connection due to administrator
      // command` (a forced `drop database`, `pg_terminate_backend`): it emits 'error' on the pool. Unheard, that
      // throws and ends the process (it ended the benchmark once).
      const fatal = Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
        severity: 'FATAL',
      });
      expect(() => pool.emit('error', fatal, {})).not.toThrow();
      expect(lost).toEqual([{ code: '57P01' }]);
    } finally {
      await pool.end();
    }
  });
});
