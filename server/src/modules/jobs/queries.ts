import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Every statement of the job table (migration 0013). */

export interface NewJob {
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  dedupeKey: string | null;
  tenantId: string | null;
}

/** Adds a job; a job of the same kind and dedupe key (waiting or done) makes this a no-op. Returns the new id. */
export async function insertJob(db: Kysely<DB>, job: NewJob): Promise<string | null> {
  const row = await db
    .insertInto('job')
    .values({
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey,
      tenant_id: job.tenantId,
    })
    .onConflict((oc) => oc.columns(['kind', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The oldest due job of these kinds that nobody else holds, locked for the rest of the transaction. `skip locked`
 * passes over rows another runner is working on; when that runner commits, the row is no longer waiting, and
 * PostgreSQL re-checks the condition on the new row version before it would lock it.
 */
export function claimDueJob(db: Kysely<DB>, kinds: readonly string[], now: Date) {
  return db
    .selectFrom('job')
    .select(['id', 'kind', 'tenant_id', 'payload', 'run_at', 'attempts'])
    .where('state', '=', 'wartend')
    .where('run_at', '<=', now)
    .where('kind', 'in', [...kinds])
    .orderBy('run_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}
export type ClaimedJobRow = NonNullable<Awaited<ReturnType<typeof claimDueJob>>>;

/** Savepoints around the handler: a failing handler's writes go, the job row (locked, updated) stays ours. */
export async function savepoint(db: Kysely<DB>): Promise<void> {
  await sql`savepoint job_handler`.execute(db);
}
export async function rollbackToSavepoint(db: Kysely<DB>): Promise<void> {
  await sql`rollback to savepoint job_handler`.execute(db);
}
export async function releaseSavepoint(db: Kysely<DB>): Promise<void> {
  await sql`release savepoint job_handler`.execute(db);
}

export async function markJobDone(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('job')
    .set((eb) => ({
      state: 'erledigt',
      attempts: eb('attempts', '+', 1),
      finished_at: now,
      last_error: null,
    }))
    .where('id', '=', id)
    .execute();
}

/** A periodic job stays one row: after a run it waits for its next turn. */
export async function rescheduleJob(
  db: Kysely<DB>,
  id: string,
  runAt: Date,
  outcome: { attempts: number; lastError: string | null },
): Promise<void> {
  await db
    .updateTable('job')
    .set({ run_at: runAt, attempts: outcome.attempts, last_error: outcome.lastError })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: counted, its error's class kept, and either retried at `retryAt` or given up (null). */
export async function markJobFailed(
  db: Kysely<DB>,
  id: string,
  attempts: number,
  lastError: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('job')
    .set(
      retryAt
        ? { attempts, last_error: lastError, run_at: retryAt }
        : { attempts, last_error: lastError, state: 'fehlgeschlagen', finished_at: now },
    )
    .where('id', '=', id)
    .execute();
}

/** Jobs by kind and state (for tests and the operator's view). */
export function jobsOfKind(db: Kysely<DB>, kind: string) {
  return db
    .selectFrom('job')
    .select(['id', 'kind', 'state', 'attempts', 'run_at', 'last_error', 'dedupe_key', 'finished_at'])
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
