import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntityType } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { canonicalJson } from '../../shared/canonical.ts';
import {
  advanceChainHead,
  insertChainHead,
  insertLogEntry,
  listChainEntries,
  listChainHeads,
  listPendingEntries,
  lockChainHead,
  placeLogEntries,
} from './queries.ts';

/**
 * The audit trail: append-only, one hash chain per tenant. Each entry's hash covers its content and the previous
 * entry's hash, so changing, removing or reordering any placed entry breaks every hash after it. Read entries wait
 * unplaced for seconds (below, `unchainedActions`); the trigger of migration 0037 protects them meanwhile.
 * Details name fields and ids, never personal data; the one exception, the duplicate search's terms, is argued in
 * docs/decisions.md.
 */

/**
 * Every action and every kind of record the trail records are closed lists with their German labels in
 * packages/shared/src/audit.ts (`auditActions`, `auditEntityTypes`): a new kind of entry is a decision made there,
 * and the type checker refuses one without a label on the Protokoll page.
 */
export {
  type AuditAction,
  type AuditEntityType,
  auditActions,
  auditEntityTypes,
} from '@leuchtturm/shared';

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export function entryHash(f: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        tenantId: f.tenantId,
        seq: f.seq,
        at: f.at.toISOString(),
        actorId: f.actorId,
        action: f.action,
        entityType: f.entityType,
        entityId: f.entityId,
        details: f.details,
        prevHash: f.prevHash,
      }),
    )
    .digest('hex');
}

/**
 * Entries that record a look at data or a refused attempt, not a change of any record: they are inserted unchained,
 * without the head lock, so that readers never queue behind each other (docs/security.md, "Audit trail"). Each is
 * committed with the read it records and protected by the append-only trigger from then on; the next change, the
 * sweep, the Protokoll page or `audit verify` places it into the chain.
 */
export const unchainedActions: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'read',
  'search',
  'search_refused',
  'export',
  'access_denied',
  'not_found',
]);

/**
 * Records one entry in the caller's transaction. A read-kind entry is stored waiting (no chain position); any
 * other locks the tenant's chain head, places the waiting entries this transaction sees, then itself. The lock
 * order of a change is the head first, then the rows (as in bump_data_version, migration 0009).
 */
export async function recordAudit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const content = {
    tenant_id: actor.tenantId,
    // Millisecond precision, so that the stored instant hashes the same after a round trip.
    at: new Date(Date.now()),
    actor_id: actor.userId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
  if (unchainedActions.has(entry.action)) {
    await insertLogEntry(db, { ...content, seq: null, prev_hash: null, hash: null });
    return;
  }
  const head = await placeWaiting(db, actor.tenantId, await lockChainHead(db, actor.tenantId));
  const fields: HashedFields = {
    tenantId: actor.tenantId,
    seq: head.seq + 1,
    at: content.at,
    actorId: content.actor_id,
    action: content.action,
    entityType: content.entity_type,
    entityId: content.entity_id,
    details: entry.details ?? {},
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await insertLogEntry(db, { ...content, seq: fields.seq, prev_hash: fields.prevHash, hash });
  await advanceChainHead(db, actor.tenantId, fields.seq, hash);
}

interface Head {
  seq: number;
  hash: string;
}

/**
 * Places the tenant's waiting entries that `db` sees, in pending_id order, after `head`, and answers the new end
 * of the chain (the caller holds the head lock and advances it). An entry still uncommitted in another
 * transaction is not seen; a later placement takes it.
 */
async function placeWaiting(
  db: Kysely<DB>,
  tenantId: string,
  locked: { seq: number; hash: string },
): Promise<Head> {
  let head: Head = { seq: Number(locked.seq), hash: locked.hash };
  const batch = 500;
  for (;;) {
    const rows = await listPendingEntries(db, tenantId, batch);
    if (rows.length === 0) return head;
    const placed = rows.map((row) => {
      const seq = head.seq + 1;
      const hash = entryHash({
        tenantId,
        seq,
        at: row.at,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        details: row.details,
        prevHash: head.hash,
      });
      const p = { pendingId: row.pending_id, seq, prevHash: head.hash, hash };
      head = { seq, hash };
      return p;
    });
    if ((await placeLogEntries(db, tenantId, placed)) !== placed.length) {
      throw new Error('audit: a waiting entry was placed by someone else while the head was locked');
    }
    if (rows.length < batch) return head;
  }
}

/**
 * Places a tenant's waiting entries into its chain: under the head lock, in the transaction `db` is, or in one of
 * its own. Answers how many it placed.
 */
export async function chainPendingEntries(db: Kysely<DB>, tenantId: string): Promise<number> {
  const place = async (trx: Kysely<DB>) => {
    const locked = await lockChainHead(trx, tenantId);
    const head = await placeWaiting(trx, tenantId, locked);
    const count = head.seq - Number(locked.seq);
    if (count > 0) await advanceChainHead(trx, tenantId, head.seq, head.hash);
    return count;
  };
  return db.isTransaction ? place(db) : db.transaction().execute(place);
}

export interface ChainReport {
  tenants: number;
  entries: number;
  /** Waiting entries placed into the chain before it was checked. */
  placed: number;
  broken: { tenantId: string; seq: number; reason: string }[];
}

/**
 * Places the waiting entries first (so that every entry committed before the check is checked), then recomputes
 * every tenant's chain from the start; reports each place where it breaks.
 */
export async function verifyAuditChain(db: Kysely<DB>, tenantId?: string): Promise<ChainReport> {
  const report: ChainReport = { tenants: 0, entries: 0, placed: 0, broken: [] };
  for (const head of await listChainHeads(db, tenantId)) {
    report.placed += await chainPendingEntries(db, head.tenant_id);
  }
  for (const head of await listChainHeads(db, tenantId)) {
    report.tenants++;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastSeq = 0;
    const batch = 2000;
    for (;;) {
      const rows = await listChainEntries(db, head.tenant_id, lastSeq, batch);
      for (const row of rows) {
        report.entries++;
        const seq = Number(row.seq);
        if (seq !== expectedSeq) {
          report.broken.push({ tenantId: head.tenant_id, seq, reason: `Eintrag ${expectedSeq} fehlt` });
        }
        if (row.prev_hash !== prevHash) {
          report.broken.push({ tenantId: head.tenant_id, seq, reason: 'Verkettung unterbrochen' });
        }
        const recomputed = entryHash({
          tenantId: row.tenant_id,
          seq,
          at: row.at,
          actorId: row.actor_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          details: row.details,
          // Never null here (placed entries only); a null would fail the check below.
          prevHash: row.prev_hash ?? '',
        });
        if (recomputed !== row.hash) {
          report.broken.push({ tenantId: head.tenant_id, seq, reason: 'Inhalt verändert' });
        }
        prevHash = row.hash ?? '';
        expectedSeq = seq + 1;
        lastSeq = seq;
      }
      if (rows.length < batch) break;
    }
    if (Number(head.seq) !== lastSeq || head.hash !== prevHash) {
      report.broken.push({
        tenantId: head.tenant_id,
        seq: lastSeq,
        reason: 'Ende der Kette passt nicht zum Kopf',
      });
    }
  }
  return report;
}

/** Creates a tenant's empty chain. */
export async function startAuditChain(db: Kysely<DB>, tenantId: string): Promise<void> {
  await insertChainHead(db, tenantId, GENESIS_HASH);
}
