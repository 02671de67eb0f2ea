import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** What the demo generator reads to give the open demo cases their processes. */

/** The definitions the tenant was created with. */
export function listDefinitions(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('process_definition')
    .select(['id', 'key', 'steps'])
    .where('tenant_id', '=', tenantId)
    .where('version', '=', 1)
    .execute();
}

/** The open cases, in case-number order, with their lead. */
export function listOpenCases(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('case_file')
    .select(['id', 'opened_on', 'lead_user_id'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'offen')
    .orderBy('case_number')
    .execute();
}

/** The records of open cases that complete process steps, each with its day (or instant) and case. */
export async function listOpenCaseRecords(db: Kysely<DB>, tenantId: string) {
  const openCases = db
    .selectFrom('case_file')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'offen');
  const [consultations, goals, peers, plans, measures] = await Promise.all([
    db
      .selectFrom('risk_consultation')
      .select(['id', 'case_id', 'held_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', openCases)
      .execute(),
    db
      .selectFrom('will_and_goals')
      .select(['case_id', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', openCases)
      .execute(),
    db
      .selectFrom('peer_consultation')
      .select(['id', 'case_id', 'held_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', openCases)
      .execute(),
    db
      .selectFrom('help_plan')
      .select(['id', 'case_id', 'application_on', 'meeting_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', openCases)
      .execute(),
    db
      .selectFrom('measure')
      .select(['id', 'case_id', 'begin_on', 'end_on', 'approved_at'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', 'in', openCases)
      .where('status', '=', 'bewilligt')
      .execute(),
  ]);
  return { consultations, goals, peers, plans, measures };
}
