import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import type { Client } from './http.ts';

/** A note as the API takes it; `occurredAt` an hour ago unless given. */
export function noteInput(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    kind: 'hausbesuch',
    staffIds: [],
    others: ['Frau Beispiel (Mutter)'],
    text: 'Mutter und Kind zu Hause angetroffen. Die Wohnung war aufgeräumt.',
    link: null,
    correctsId: null,
    ...overrides,
  };
}

export async function writeNote(client: Client, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await client.post(`/cases/${caseId}/notes`, noteInput(overrides));
  if (res.statusCode !== 201) throw new Error(`note: ${res.body}`);
  return res.json().id as string;
}

/** Moves a note's writing time back, as if it had been written `hours` ago (the 24-hour rule without waiting). */
export async function ageNote(db: Database, tenantId: string, noteId: string, hours: number) {
  await sql`update case_note set created_at = now() - make_interval(hours => ${hours})
    where tenant_id = ${tenantId} and id = ${noteId}`.execute(db);
}

export async function auditEntries(db: Database, tenantId: string, entityType: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'entity_id', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('entity_type', '=', entityType)
    .orderBy('pending_id')
    .execute();
}
