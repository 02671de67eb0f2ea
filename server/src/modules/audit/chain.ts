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
  lockChainHead,
} from './queries.ts';

/**
 * The audit trail: append-only, one hash chain per tenant. Each entry's hash covers its content and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every hash after it.
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

/** Appends one entry in the caller's transaction; the head row lock serialises writers of one tenant. */
export async function recordAudit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const head = await lockChainHead(db, actor.tenantId);
  const fields: HashedFields = {
    tenantId: actor.tenantId,
    seq: Number(head.seq) + 1,
    // Millisecond precision, so that the stored instant hashes the same after a round trip.
    at: new Date(Date.now()),
    actorId: actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await insertLogEntry(db, {
    tenant_id: fields.tenantId,
    seq: fields.seq,
    at: fields.at,
    actor_id: fields.actorId,
    action: fields.action,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    details: JSON.stringify(fields.details),
    prev_hash: fields.prevHash,
    hash,
  });
  await advanceChainHead(db, actor.tenantId, fields.seq, hash);
}

export interface ChainReport {
  tenants: number;
  entries: number;
  broken: { tenantId: string; seq: number; reason: string }[];
}

/** Recomputes every tenant's chain from the start; reports each place where it breaks. */
export async function verifyAuditChain(db: Kysely<DB>, tenantId?: string): Promise<ChainReport> {
  const report: ChainReport = { tenants: 0, entries: 0, broken: [] };
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
          prevHash: row.prev_hash,
        });
        if (recomputed !== row.hash) {
          report.broken.push({ tenantId: head.tenant_id, seq, reason: 'Inhalt verändert' });
        }
        prevHash = row.hash;
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
