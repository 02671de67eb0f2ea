import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** What a handler gets: the job's own transaction, the job, and the runner's clock. */
export interface JobContext {
  /** The transaction that holds the job's row lock; the handler's writes commit with the job's completion. */
  db: Kysely<DB>;
  job: {
    id: string;
    kind: string;
    tenantId: string | null;
    payload: Record<string, unknown>;
    runAt: Date;
    /** Earlier failed attempts (0 on the first run). */
    attempts: number;
  };
  now: Date;
}

/**
 * A handler does database work only, through `ctx.db`, and is short: it holds a connection (on the embedded
 * database the only one) while it runs. It throws to fail the attempt; its writes are then undone.
 */
export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface JobDefinition {
  kind: string;
  handler: JobHandler;
  /** Attempts before a one-off job is marked failed (periodic jobs never give up). */
  maxAttempts: number;
  /** A periodic job (a sweep) runs again this many milliseconds after each run. */
  everyMs: number | null;
}

/** Job kinds and their handlers. The server's own list is built in jobs/handlers.ts; tests build their own. */
export class JobRegistry {
  readonly #definitions = new Map<string, JobDefinition>();

  /** A job that runs once, when scheduled (schedule.ts). */
  on(kind: string, handler: JobHandler, options: { maxAttempts?: number } = {}): this {
    return this.#add({ kind, handler, maxAttempts: options.maxAttempts ?? 5, everyMs: null });
  }

  /** A sweep: one row per kind that runs every `everyMs`; after downtime it runs once, not once per missed turn. */
  every(kind: string, everyMs: number, handler: JobHandler): this {
    if (!(everyMs >= 1000)) throw new RangeError(`${kind}: a periodic job runs at most every second`);
    return this.#add({ kind, handler, maxAttempts: Number.POSITIVE_INFINITY, everyMs });
  }

  get(kind: string): JobDefinition | undefined {
    return this.#definitions.get(kind);
  }

  get kinds(): string[] {
    return [...this.#definitions.keys()];
  }

  get periodic(): JobDefinition[] {
    return [...this.#definitions.values()].filter((d) => d.everyMs !== null);
  }

  #add(definition: JobDefinition): this {
    if (this.#definitions.has(definition.kind))
      throw new Error(`job kind ${definition.kind} registered twice`);
    this.#definitions.set(definition.kind, definition);
    return this;
  }
}

/** Seconds to wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, ... at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}

/**
 * What the job table keeps of an error: its class and code (an SQLSTATE, an AppError code), never the message,
 * which may quote the data that failed.
 */
export function describeJobError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? ` (${code})` : ''}`.slice(
    0,
    200,
  );
}
