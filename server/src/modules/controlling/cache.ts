import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dataVersion } from './queries/version.ts';

/**
 * Figures computed from the records may be reused until the records change. The tenant's data version (migration
 * 0009) is advanced by triggers in every transaction that changes a table the figures read (cases, measures,
 * rates, payments, aggregates, population, staff, organisation), and by nothing else: reading a case, which writes
 * an audit entry, leaves it alone. A cached figure is used only while the version has not moved, so a committed
 * change shows in the next request. The version is read before computing: a figure stored under a version is at
 * least as new as that version. The check is one primary-key read; the cache holds the most recent entries of
 * this process only (several server processes each keep their own). Never call it in a transaction that has
 * changed those tables: its version would be one that a rollback hands out again.
 * Requests that miss the same figure at the same version at once share one computation (`running`): ten people
 * opening the dashboard after a change cost one computation, not ten. A failed computation is not kept; everyone
 * waiting for it gets its error, and the next request computes afresh. A figure cached inside another's
 * computation (the dashboard's city line) is given the version its caller read, rather than reading it again: the
 * records it is computed from are the caller's, at that version.
 */
const entries = new Map<string, { kind: string; version: number; value: unknown }>();
const running = new Map<string, Promise<unknown>>();
const LIMIT = 200;

/**
 * Per tenant: hits (served from the cache), misses (each one a computation) and shared (requests that waited for a
 * computation another request had started): what the tests observe, and what an operator could.
 */
interface Stats {
  hits: number;
  misses: number;
  shared: number;
}
const stats = new Map<string, Stats>();

export function figureCacheStats(tenantId: string): Stats {
  return { ...(stats.get(tenantId) ?? { hits: 0, misses: 0, shared: 0 }) };
}

/** Drops the entries of one kind: the benchmark measures the computation, not the cache. */
export function forgetFigures(kind: string): void {
  for (const [id, entry] of [...entries]) if (entry.kind === kind) entries.delete(id);
}

export async function cachedFigures<T>(
  db: Kysely<DB>,
  tenantId: string,
  /** What is computed, and every parameter it depends on. */
  key: readonly [kind: string, ...parameters: (string | number | null)[]],
  /** Computes the figure; gets the data version it is computed at (for figures cached inside it). */
  compute: (version: number) => Promise<T>,
  /** The data version when the caller has just read it (a figure cached inside another's computation). */
  known?: { version: number },
): Promise<T> {
  const version = known ? known.version : await dataVersion(db, tenantId);
  const id = JSON.stringify([tenantId, ...key]);
  const count = stats.get(tenantId) ?? { hits: 0, misses: 0, shared: 0 };
  stats.set(tenantId, count);
  const hit = entries.get(id);
  if (hit && hit.version === version) {
    count.hits++;
    // Refresh its place: the map's order is the eviction order.
    entries.delete(id);
    entries.set(id, hit);
    return hit.value as T;
  }
  // The version is part of the key: a request that saw a newer version must not wait for an older computation.
  const runId = JSON.stringify([version, id]);
  const shared = running.get(runId);
  if (shared) {
    count.shared++;
    return shared as Promise<T>;
  }
  count.misses++;
  const computation = compute(version);
  running.set(runId, computation);
  try {
    const value = await computation;
    // A slower computation of an older version must not replace a newer entry.
    const current = entries.get(id);
    if (!current || current.version <= version) {
      entries.delete(id);
      entries.set(id, { kind: key[0], version, value });
    }
    if (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
    return value;
  } finally {
    running.delete(runId);
  }
}
