import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertJob } from './queries.ts';

export interface ScheduleOptions {
  /** Ids only, never personal data (the payload outlives the request and is not audited). */
  payload?: Record<string, unknown>;
  /**
   * The same kind and key schedule one job, ever (also after it ran): e.g. `${tenantId}:${stepId}:${dueOn}`.
   * Without a key every call adds a job.
   */
  dedupeKey?: string | null;
  tenantId?: string | null;
}

/**
 * Schedules a job of `kind` to run at `runAt` (or as soon as a runner is free, when that has passed). Call it with
 * the request's transaction, so that the job exists exactly when the change that asked for it commits. Returns the
 * job's id, or null when the dedupe key was taken.
 */
export function schedule(
  db: Kysely<DB>,
  kind: string,
  runAt: Date,
  options: ScheduleOptions = {},
): Promise<string | null> {
  return insertJob(db, {
    kind,
    runAt,
    payload: options.payload ?? {},
    dedupeKey: options.dedupeKey ?? null,
    tenantId: options.tenantId ?? null,
  });
}
