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

/** The protocol as people read it: newest first, with the actor's name, filtered; `limit + 1` entries before `beforeSeq`. */
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
    .where('a.tenant_id', '=', tenantId);
  if (filter.entityType) q = q.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('a.entity_id', '=', filter.entityId);
  if (page.beforeSeq !== undefined) q = q.where('a.seq', '<', page.beforeSeq);
  return q
    .orderBy('a.seq', 'desc')
    .limit(page.limit + 1)
    .execute();
}
export type LogEntryRow = Awaited<ReturnType<typeof listLogEntries>>[number];
