import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type ClaimedJobRow,
  claimDueJob,
  insertJob,
  markJobDone,
  markJobFailed,
  releaseSavepoint,
  rescheduleJob,
  rollbackToSavepoint,
  savepoint,
} from './queries.ts';
import { describeJobError, type JobDefinition, type JobRegistry, retryDelayMs } from './registry.ts';

/** Timer functions, injectable so that a test can see that a stopped runner leaves none behind. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface JobRunnerOptions {
  db: Kysely<DB>;
  registry: JobRegistry;
  /** The clock; tests move it instead of sleeping. */
  now?: () => Date;
  /** Pause between two looks at the table when nothing was due. */
  pollMs?: number;
  timers?: Timers;
  /** A failed attempt or a failed look at the table (logged by the server). */
  onError?: (error: unknown, job: { id: string; kind: string } | null) => void;
}

/** At most this many jobs in one pass, so that a stop request is honoured between them even under load. */
const MAX_PER_PASS = 500;

/**
 * The durable job runner (docs/decisions.md, "A job table, not pg-boss"). Each job runs in a transaction of its
 * own that locks its row (`for update skip locked`): another runner, or another process on PostgreSQL, passes over
 * it, and the handler's writes commit together with the job's completion, so a job is done exactly once or not at
 * all. A crash rolls the transaction back and frees the row; the job runs on the next start. Jobs whose time came
 * while no runner ran are run by the first pass after `start()`.
 */
export class JobRunner {
  readonly #db: Kysely<DB>;
  readonly #registry: JobRegistry;
  readonly #now: () => Date;
  readonly #pollMs: number;
  readonly #timers: Timers;
  readonly #onError: NonNullable<JobRunnerOptions['onError']>;
  #timer: unknown = null;
  #pass: Promise<void> | null = null;
  #state: 'idle' | 'running' | 'stopped' = 'idle';

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#registry = options.registry;
    this.#now = options.now ?? (() => new Date());
    this.#pollMs = options.pollMs ?? 10_000;
    this.#timers = options.timers ?? realTimers;
    this.#onError = options.onError ?? (() => {});
  }

  get state(): 'idle' | 'running' | 'stopped' {
    return this.#state;
  }

  /**
   * Creates the rows of the periodic jobs that have none yet (due now), runs everything that is due (the catch-up
   * after downtime), then looks again every `pollMs` until stopped. Resolves after the first pass.
   */
  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error('a job runner starts once');
    this.#state = 'running';
    const now = this.#now();
    for (const definition of this.#registry.periodic) {
      await insertJob(this.#db, {
        kind: definition.kind,
        runAt: now,
        payload: {},
        dedupeKey: 'periodic',
        tenantId: null,
      });
    }
    await this.#runPass();
  }

  /** Stops polling and waits for the job in hand to finish (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
    await this.#pass;
  }

  /** Runs the jobs due now, one transaction each; returns how many ran (done, retried or failed). */
  async runDue(): Promise<number> {
    const kinds = this.#registry.kinds;
    if (kinds.length === 0) return 0;
    let count = 0;
    while (count < MAX_PER_PASS && this.#state !== 'stopped') {
      if (!(await this.#runOne(kinds))) break;
      count++;
    }
    return count;
  }

  #runPass(): Promise<void> {
    this.#pass = (async () => {
      try {
        await this.runDue();
      } catch (error) {
        this.#onError(error, null);
      }
      if (this.#state === 'running') this.#timer = this.#timers.set(() => void this.#runPass(), this.#pollMs);
    })();
    return this.#pass;
  }

  #runOne(kinds: readonly string[]): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const now = this.#now();
      const row = await claimDueJob(trx, kinds, now);
      if (!row) return false;
      const definition = this.#registry.get(row.kind) as JobDefinition;
      await savepoint(trx);
      try {
        await definition.handler({
          db: trx,
          job: {
            id: row.id,
            kind: row.kind,
            tenantId: row.tenant_id,
            payload: row.payload,
            runAt: row.run_at,
            attempts: row.attempts,
          },
          now,
        });
        await releaseSavepoint(trx);
      } catch (error) {
        await rollbackToSavepoint(trx);
        await this.#failed(trx, row, definition, error, now);
        this.#onError(error, { id: row.id, kind: row.kind });
        return true;
      }
      if (definition.everyMs === null) await markJobDone(trx, row.id, now);
      else
        await rescheduleJob(trx, row.id, new Date(now.getTime() + definition.everyMs), {
          attempts: 0,
          lastError: null,
        });
      return true;
    });
  }

  async #failed(trx: Kysely<DB>, row: ClaimedJobRow, definition: JobDefinition, error: unknown, now: Date) {
    const attempts = row.attempts + 1;
    const lastError = describeJobError(error);
    const delay = retryDelayMs(attempts);
    if (definition.everyMs !== null) {
      // A sweep never gives up; it tries again sooner than its next turn.
      const retryAt = new Date(now.getTime() + Math.min(delay, definition.everyMs));
      await rescheduleJob(trx, row.id, retryAt, { attempts, lastError });
    } else {
      const retryAt = attempts >= definition.maxAttempts ? null : new Date(now.getTime() + delay);
      await markJobFailed(trx, row.id, attempts, lastError, retryAt, now);
    }
  }
}
