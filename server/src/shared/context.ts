import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { type AuditEntry, recordAudit } from '../modules/audit/chain.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/**
 * What a service gets: the transaction it runs in, who acts, and the audit writer bound to both, so that an
 * audit entry commits or rolls back together with the change it records.
 */
export interface Ctx {
  db: Kysely<DB>;
  actor: Actor;
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * Runs `fn` in one transaction. When it fails with an AppError that carries an audit entry (a refused access), the
 * change is rolled back but the attempt is still recorded, in a transaction of its own.
 */
export async function inTransaction<T>(db: Database, actor: Actor, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await db
      .transaction()
      .execute((trx) => fn({ db: trx, actor, audit: (entry) => recordAudit(trx, actor, entry) }));
  } catch (error) {
    if (error instanceof AppError && error.auditEntry) {
      const entry = error.auditEntry;
      await db.transaction().execute((trx) => recordAudit(trx, actor, entry));
      error.auditRecorded = true;
    }
    throw error;
  }
}
