import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** A failed Auftrag escalated into an Auflage (mandate.escalated_from_id). */

export function findMandate(db: Kysely<DB>, tenantId: string, caseId: string, mandateId: string) {
  return db
    .selectFrom('mandate')
    .select(['id', 'kind', 'result', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', mandateId)
    .executeTakeFirst();
}

/** The Auflage an Auftrag was escalated into, if any. */
export function escalationOf(db: Kysely<DB>, tenantId: string, mandateId: string) {
  return db
    .selectFrom('mandate')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('escalated_from_id', '=', mandateId)
    .executeTakeFirst();
}

/**
 * Marks the Auftrag as escalated by bumping its version, if it is still at the version the client saw and still
 * failed (a result changed meanwhile refuses the escalation).
 */
export function bumpFailedMandate(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  mandateId: string,
  version: number,
) {
  return db
    .updateTable('mandate')
    .set({ version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', mandateId)
    .where('version', '=', version)
    .where('result', 'in', ['teilweise', 'nicht_erfuellt'])
    .executeTakeFirst();
}

/** The date of the case's latest Kurzberatung (the current classification), or null. */
export async function latestConsultationOn(db: Kysely<DB>, tenantId: string, caseId: string) {
  const row = await db
    .selectFrom('risk_consultation')
    .select((eb) => eb.fn.max('held_on').as('held_on'))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (row?.held_on as string | null | undefined) ?? null;
}
