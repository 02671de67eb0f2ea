import { type Insertable, type Kysely, sql } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.ts';

/** All SQL of the audit trail: the per-tenant chain head, the append-only log, and reading both back. */

/** A tenant's chain head, locked to the end of the transaction: writers of one tenant append one after another. */
export function lockChainHead(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertLogEntry(db: Kysely<DB>, row: Insertable<AuditLogTable>) {
  await db.insertInto('audit_log').values(row).execute();
}

/** A tenant's waiting entries visible now, oldest first (by pending_id), at most `limit`, with everything hashed. */
export function listPendingEntries(db: Kysely<DB>, tenantId: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['pending_id', 'at', 'actor_id', 'action', 'entity_type', 'entity_id', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('seq', 'is', null)
    .orderBy('pending_id')
    .limit(limit)
    .execute();
}
export type PendingEntryRow = Awaited<ReturnType<typeof listPendingEntries>>[number];

/**
 * Places waiting entries into the chain in one statement (the one update the append-only trigger lets through);
 * answers how many rows it placed, so that the caller can tell one already placed (never, under the head lock).
 */
export async function placeLogEntries(
  db: Kysely<DB>,
  tenantId: string,
  placed: { pendingId: string; seq: number; prevHash: string; hash: string }[],
): Promise<number> {
  const result = await sql`
    update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    from unnest(${placed.map((p) => p.pendingId)}::bigint[], ${placed.map((p) => p.seq)}::bigint[],
      ${placed.map((p) => p.prevHash)}::text[], ${placed.map((p) => p.hash)}::text[])
      as v (pending_id, seq, prev_hash, hash)
    where a.tenant_id = ${tenantId} and a.pending_id = v.pending_id and a.seq is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The tenants that have waiting entries (the sweep's work list), in tenant order. */
export async function tenantsWithPendingEntries(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ tenant_id: string }>`
    select t.id as tenant_id from tenant t
    where exists (select 1 from audit_log a where a.tenant_id = t.id and a.seq is null)
    order by t.id`.execute(db);
  return rows.rows.map((r) => r.tenant_id);
}

export async function advanceChainHead(db: Kysely<DB>, tenantId: string, seq: number, hash: string) {
  await db.updateTable('audit_head').set({ seq, hash }).where('tenant_id', '=', tenantId).execute();
}

/** A tenant's empty chain: nothing recorded yet, the head pointing at the genesis hash. */
export async function insertChainHead(db: Kysely<DB>, tenantId: string, genesisHash: string) {
  await sql`insert into audit_head (tenant_id, seq, hash) values (${tenantId}, 0, ${genesisHash})`.execute(
    db,
  );
}

/** The chain heads of all tenants, or of one. */
export function listChainHeads(db: Kysely<DB>, tenantId?: string) {
  let heads = db.selectFrom('audit_head').select(['tenant_id', 'seq', 'hash']);
  if (tenantId) heads = heads.where('tenant_id', '=', tenantId);
  return heads.execute();
}

/** The next `limit` entries of a tenant's chain after `afterSeq`, in chain order, with everything hashed. */
export function listChainEntries(db: Kysely<DB>, tenantId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * The protocol as people read it: placed entries newest first, with the actor's name, filtered; `limit + 1` entries
 * before `beforeSeq`.
 */
export function listLogEntries(
  db: Kysely<DB>,
  tenantId: string,
  filter: { entityType?: string | undefined; entityId?: string | undefined },
  page: { beforeSeq: number | undefined; limit: number },
) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_id'),
    )
    .select(['a.seq', 'a.at', 'a.actor_id', 'u.display_name', 'a.action', 'a.entity_type', 'a.entity_id'])
    .where('a.tenant_id', '=', tenantId)
    // Entries that arrived after the page placed the waiting ones show on the next first page.
    .where('a.seq', 'is not', null);
  if (filter.entityType) q = q.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('a.entity_id', '=', filter.entityId);
  if (page.beforeSeq !== undefined) q = q.where('a.seq', '<', page.beforeSeq);
  return q
    .orderBy('a.seq', 'desc')
    .limit(page.limit + 1)
    .execute();
}
export type LogEntryRow = Awaited<ReturnType<typeof listLogEntries>>[number];
