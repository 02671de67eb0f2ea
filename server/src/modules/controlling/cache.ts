import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Figures computed from the records may be reused until the records change. Every change is audited, and every
 * audit entry advances the tenant's chain head, so (tenant, head sequence) names a state of the records: a cached
 * figure is used only while the head has not moved, and a change shows in the next request. The check is one
 * primary-key read; the cache holds the most recent entries of this process only.
 */
const entries = new Map<string, { seq: number; value: unknown }>();
const LIMIT = 200;

async function headSeq(db: Kysely<DB>, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_head')
    .select('seq')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function cachedFigures<T>(
  db: Kysely<DB>,
  tenantId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const seq = await headSeq(db, tenantId);
  const id = `${tenantId}|${key}`;
  const hit = entries.get(id);
  if (hit && hit.seq === seq) {
    // Refresh its place: the map's order is the eviction order.
    entries.delete(id);
    entries.set(id, hit);
    return hit.value as T;
  }
  const value = await compute();
  entries.set(id, { seq, value });
  if (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
  return value;
}
