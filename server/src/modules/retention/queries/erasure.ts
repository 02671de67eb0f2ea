import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * Erasure of a case file (docs/retention.md): every free text and every name, address and phone number of the file
 * is overwritten in place, documents are removed, and birth dates keep only month and year (what the official
 * statistics record). Rows, codes, dates of events and amounts stay, so every count and sum of past years is
 * unchanged, and the audit trail (ids only) still verifies.
 *
 * One list, one line per table and column: a new table that holds text about a family must be added here. The
 * erasure test scans every table of the tenant for the family's names and birth dates after an erasure, so a table
 * forgotten here fails it.
 */
export const ERASED = 'gelöscht';

type Scope = 'case' | 'goal' | 'check';
interface TextColumns {
  table: string;
  scope: Scope;
  /** Free text (overwritten where set; null stays null, so checks on "set or not" still hold). */
  text?: readonly string[];
  /** JSON arrays of free text or names (emptied). */
  json?: readonly string[];
  /** JSON arrays of names that must not be empty (one entry "gelöscht" stands for them). */
  jsonNames?: readonly string[];
  /** text[] of names (emptied). */
  arrays?: readonly string[];
}

export const caseTextColumns: readonly TextColumns[] = [
  { table: 'case_file', scope: 'case', text: ['concern', 'reporter', 'closing_tip'] },
  { table: 'case_reopening', scope: 'case', text: ['reason', 'closing_tip'] },
  { table: 'case_lead_change', scope: 'case', text: ['note'] },
  { table: 'risk_consultation', scope: 'case', text: ['facts', 'next_steps'] },
  { table: 'mandate', scope: 'case', text: ['text', 'addressee', 'check_method', 'consequence'] },
  { table: 'will_and_goals', scope: 'case', text: ['will', 'direction_goal'] },
  { table: 'goal', scope: 'case', text: ['text'] },
  { table: 'action_step', scope: 'goal', text: ['who', 'what'] },
  { table: 'resource', scope: 'case', text: ['description'] },
  { table: 'network_tie', scope: 'case', text: ['name'] },
  {
    table: 'peer_consultation',
    scope: 'case',
    text: ['question', 'decision', 'closing_answer'],
    json: ['ideas'],
  },
  {
    table: 'help_plan',
    scope: 'case',
    text: ['applicant', 'agreed_measures', 'direction_goal'],
    json: ['goals', 'attainment'],
    jsonNames: ['participants'],
  },
  {
    table: 'family_conference',
    scope: 'case',
    text: ['concern', 'coordinator', 'participants', 'place', 'family_plan', 'office_decision'],
  },
  { table: 'consent', scope: 'case', text: ['recipient', 'purpose'] },
  { table: 'case_note', scope: 'case', text: ['text'], arrays: ['others'] },
  { table: 'measure', scope: 'case', text: ['begin_reason', 'withdraw_reason'] },
  {
    table: 'child_protection_check',
    scope: 'case',
    text: [
      'reporter_name',
      'report_text',
      'urgency_reason',
      'assessment_facts',
      'risk_factors',
      'protective_factors',
      'visit_findings',
      'visit_reason',
      'result_note',
    ],
  },
  { table: 'protection_measure', scope: 'check', text: ['description', 'place', 'carers_informed_how'] },
  { table: 'visit_checklist_entry', scope: 'check', text: ['note'] },
  { table: 'process_instance', scope: 'case', text: ['cancel_reason'] },
  { table: 'process_step', scope: 'case', text: ['skip_reason'] },
  { table: 'case_team_change', scope: 'case', text: ['reason'] },
  { table: 'case_transfer', scope: 'case', text: ['reason'] },
  { table: 'case_transmission', scope: 'case', text: ['recipient'] },
  { table: 'confided_mark', scope: 'case', text: ['release_note'] },
  { table: 'conference_item', scope: 'case', text: ['title', 'body'] },
];

function scopeCondition(scope: Scope, tenantId: string, caseId: string): RawBuilder<unknown> {
  switch (scope) {
    case 'case':
      return sql`case_id = ${caseId}`;
    case 'goal':
      return sql`goal_id in (select id from goal where tenant_id = ${tenantId} and case_id = ${caseId})`;
    case 'check':
      return sql`check_id in (select id from child_protection_check where tenant_id = ${tenantId} and case_id = ${caseId})`;
  }
}

function assignments(t: TextColumns): RawBuilder<unknown> {
  const parts = [
    ...(t.text ?? []).map(
      (c) => sql`${sql.ref(c)} = case when ${sql.ref(c)} is null then null else ${ERASED} end`,
    ),
    ...(t.json ?? []).map((c) => sql`${sql.ref(c)} = '[]'::jsonb`),
    ...(t.jsonNames ?? []).map((c) => sql`${sql.ref(c)} = ${JSON.stringify([ERASED])}::jsonb`),
    ...(t.arrays ?? []).map((c) => sql`${sql.ref(c)} = '{}'`),
  ];
  return sql.join(parts, sql`, `);
}

/**
 * Erases the case file in the caller's transaction. The household and its persons are anonymised too when no other
 * case that is not erased uses them (a family known from another file keeps its names there).
 */
export async function eraseCaseFile(db: Kysely<DB>, tenantId: string, caseId: string): Promise<void> {
  // The two history triggers (help plans immutable, notes never deleted) let this transaction through; the setting
  // ends with it.
  await sql`select set_config('leuchtturm.erasure', 'on', true)`.execute(db);
  for (const t of caseTextColumns) {
    const where = t.table === 'case_file' ? sql`id = ${caseId}` : scopeCondition(t.scope, tenantId, caseId);
    await sql`update ${sql.table(t.table)} set ${assignments(t)} where tenant_id = ${tenantId} and ${where}`.execute(
      db,
    );
  }
  await db
    .deleteFrom('case_document')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();

  // Persons: only those whose every household's every other case is erased too (or who have no other case).
  await sql`
    update person p set
      first_name = ${ERASED}, last_name = ${ERASED}, phonetic_first = '', phonetic_last = '', phone = null,
      birth_date = case when p.birth_date is null then null
        else make_date(extract(year from p.birth_date)::int, extract(month from p.birth_date)::int, 1) end
    where p.tenant_id = ${tenantId}
      and p.id in (select m.person_id from household_member m join case_file c
        on c.tenant_id = m.tenant_id and c.household_id = m.household_id
        where m.tenant_id = ${tenantId} and c.id = ${caseId})
      and not exists (select 1 from household_member m2 join case_file c2
        on c2.tenant_id = m2.tenant_id and c2.household_id = m2.household_id
        where m2.tenant_id = p.tenant_id and m2.person_id = p.id and c2.id <> ${caseId}
          and not exists (select 1 from case_retention r where r.tenant_id = c2.tenant_id and r.case_id = c2.id
            and r.state = 'geloescht'))`.execute(db);
  await sql`
    update household h set
      name = ${ERASED},
      house_number = case when h.house_number is null then null else ${ERASED} end
    where h.tenant_id = ${tenantId}
      and h.id = (select household_id from case_file where tenant_id = ${tenantId} and id = ${caseId})
      and not exists (select 1 from case_file c2 where c2.tenant_id = h.tenant_id and c2.household_id = h.id
        and c2.id <> ${caseId}
        and not exists (select 1 from case_retention r where r.tenant_id = c2.tenant_id and r.case_id = c2.id
          and r.state = 'geloescht'))`.execute(db);
  await sql`select set_config('leuchtturm.erasure', 'off', true)`.execute(db);
}
