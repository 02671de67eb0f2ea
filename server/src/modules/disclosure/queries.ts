import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { helpPlanContent } from '../cases/queries/helpPlanContent.ts';
import { type ContentViewer, confidedShownSql, shownOr } from '../confided/queries/visibility.ts';

/** All SQL of the Auskunft (docs/data-protection.md): what is held about one person, across all cases. */

export function findPerson(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'birth_date', 'gender', 'language', 'phone'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The households the person belongs to, with her role there and how many others belong to each. */
export function householdsOf(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('household_member as m')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.household_id'),
    )
    .select((eb) => [
      'h.id',
      'h.name',
      'h.address_kind',
      'h.street_name',
      'h.house_number',
      'h.postal_code',
      'm.role',
      'm.custody',
      eb
        .selectFrom('household_member as o')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('o.tenant_id', '=', 'm.tenant_id')
        .whereRef('o.household_id', '=', 'm.household_id')
        .whereRef('o.person_id', '<>', 'm.person_id')
        .as('others'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.person_id', '=', personId)
    .orderBy('h.created_at')
    .execute();
}

export function casesOfHouseholds(db: Kysely<DB>, tenantId: string, householdIds: readonly string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_file')
    .select(['id', 'case_number', 'opened_on', 'status', 'closed_on', 'access_route', 'concern', 'reporter'])
    .where('tenant_id', '=', tenantId)
    .where('household_id', 'in', [...householdIds])
    .orderBy('opened_on')
    .orderBy('case_number')
    .execute();
}

/** The notes of these cases, their text as § 65 lets the viewer give it out (`shown`). */
export function notesOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql('case_note', 'n.tenant_id', 'n.id', viewer);
  return db
    .selectFrom('case_note as n')
    .select([
      'n.id',
      'n.case_id',
      'n.occurred_at',
      'n.kind',
      shownOr(shown, 'n.text').as('text'),
      shown.as('shown'),
    ])
    .select((eb) => eb(eb.fn('cardinality', ['n.others']), '>', 0).as('has_others'))
    .where('n.tenant_id', '=', tenantId)
    .where('n.case_id', 'in', [...caseIds])
    .orderBy('n.occurred_at')
    .orderBy('n.id')
    .execute();
}

/** The uploaded files of these cases (name, type, day; never the content). */
export function documentsOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql('case_document', 'd.tenant_id', 'd.id', viewer);
  return db
    .selectFrom('case_document as d')
    .select([
      'd.id',
      'd.case_id',
      shownOr(shown, 'd.file_name').as('file_name'),
      'd.content_type',
      'd.uploaded_at',
      shown.as('shown'),
    ])
    .where('d.tenant_id', '=', tenantId)
    .where('d.case_id', 'in', [...caseIds])
    .orderBy('d.uploaded_at')
    .execute();
}

/** Wille und Ziele of these cases (one sheet per case, item id the case's), as § 65 lets the viewer give it out. */
export function willsOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql('will_and_goals', 'w.tenant_id', 'w.case_id', viewer);
  return db
    .selectFrom('will_and_goals as w')
    .select([
      'w.case_id',
      shownOr(shown, 'w.will').as('will'),
      shownOr(shown, 'w.direction_goal').as('direction_goal'),
      'w.updated_at',
      shown.as('shown'),
    ])
    .where('w.tenant_id', '=', tenantId)
    .where('w.case_id', 'in', [...caseIds])
    .execute();
}

/** The Aufträge and Auflagen of these cases, their text as § 65 lets the viewer give it out. */
export function mandatesOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql('mandate', 'm.tenant_id', 'm.id', viewer);
  return db
    .selectFrom('mandate as m')
    .select([
      'm.id',
      'm.case_id',
      'm.kind',
      shownOr(shown, 'm.text').as('text'),
      'm.addressee',
      'm.due_on',
      'm.result',
      'm.created_at',
      shown.as('shown'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.case_id', 'in', [...caseIds])
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute();
}

/** The payments made for these measures (exact decimal amounts), by month. */
export function paymentsOfMeasures(db: Kysely<DB>, tenantId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payment')
    .select(['measure_id', 'month', sql<string>`amount::text`.as('amount')])
    .where('tenant_id', '=', tenantId)
    .where('measure_id', 'in', [...measureIds])
    .orderBy('month')
    .execute();
}

/**
 * The Hilfeplan versions of these cases for the Auskunft, as § 65 lets the viewer give them out: the same
 * expressions as the case page (cases/queries/helpPlanContent.ts), with what is withheld named by flags.
 */
export function helpPlansOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const plan = helpPlanContent('p', viewer);
  return db
    .selectFrom('help_plan as p')
    .select([
      'p.case_id',
      'p.version_no',
      'p.meeting_on',
      'p.review_on',
      'p.child_participated',
      plan.shown.as('shown'),
      plan.directionGoalShown.as('direction_goal_shown'),
      plan.withheldGoalIds.as('withheld_goal_ids'),
      plan.agreedMeasures.as('agreed_measures'),
      plan.directionGoal.as('direction_goal'),
      plan.goals.as('goals'),
      plan.attainment.as('attainment'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.case_id', 'in', [...caseIds])
    .orderBy('p.case_id')
    .orderBy('p.version_no')
    .execute();
}
export type DisclosedPlanRow = Awaited<ReturnType<typeof helpPlansOfCases>>[number];

/** The records whose reads count as reads of the person's data. */
const readEntityTypes = [
  'person',
  'household',
  'case',
  'case_note',
  'case_note_list',
  'case_document',
  'measure_list',
] as const;

/**
 * Who read or exported these records (the audit log holds ids only), newest first by instant (not by chain position:
 * a read's entry may still wait for its place in the chain), at most `limit`.
 */
export function readsOf(db: Kysely<DB>, tenantId: string, entityIds: readonly string[], limit: number) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.actor_id'),
    )
    .select(['l.at', 'l.action', 'l.entity_type', 'u.display_name'])
    .where('l.tenant_id', '=', tenantId)
    .where('l.entity_type', 'in', [...readEntityTypes])
    .where('l.entity_id', 'in', [...entityIds])
    .where('l.action', 'in', ['read', 'export'])
    .orderBy('l.at', 'desc')
    .orderBy('l.pending_id', 'desc')
    .limit(limit)
    .execute();
}
