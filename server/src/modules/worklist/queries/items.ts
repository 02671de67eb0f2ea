import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CaseListFilter } from '../../access/policy.ts';
import { caseIdsInScope } from '../../cases/queries/scope.ts';

/**
 * The work list's sources (docs/worklist.md): the open cases of the scope, and one query per kind of deadline over
 * those cases, each up to the end of the week. They are not run one by one: queries/rows.ts sends them as one
 * statement. The sources read their own table (and what names the deadline) by `case_id = any(...)` over the
 * scope's ids, so that each uses the case index of its table.
 */

export interface WorklistScope {
  tenantId: string;
  /** The work list's day: grants past their last day (valid_until) no longer count. */
  today: string;
  /** The case-access rule's list form (access/policy.ts caseListFilter). */
  filter: CaseListFilter;
}

export interface Until {
  /** Instants up to here (the end of Sunday, Berlin) ... */
  at: Date;
  /** ... and dates up to here (that Sunday). */
  on: string;
}

/** The current area of case `c`: its latest Kurzberatung (as "Meine Fälle" reads it). */
const areaOf = sql<string | null>`(select rc.area from risk_consultation rc where rc.tenant_id = c.tenant_id
  and rc.case_id = c.id order by rc.held_on desc, rc.created_at desc limit 1)`;

/**
 * The open cases of the scope with what every item shows (number, family name, lead) and, for the caseload, the
 * current area: led by the actor or someone she stands in for, granted to her, or (team) of the team she leads.
 * A union of index lookups rather than an `or` (cases/queries/scope.ts), so that the planner starts from the few
 * cases in scope. Null: the scope admits no case.
 */
export function scopedCases(db: Kysely<DB>, scope: WorklistScope, options: { area: boolean }) {
  const { tenantId, today, filter } = scope;
  const inScope = caseIdsInScope(tenantId, filter, today, 'offen');
  if (!inScope) return null;
  return db
    .selectFrom(sql<{ id: string }>`(${inScope})`.as('x'))
    .innerJoin('case_file as c', (j) => j.on('c.tenant_id', '=', tenantId).onRef('c.id', '=', 'x.id'))
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .select([
      'c.id',
      'c.case_number',
      'h.name as family',
      'c.lead_user_id as lead_id',
      'u.display_name as lead_name',
      (options.area ? areaOf : sql<string | null>`null`).as('area'),
    ])
    .where('c.status', '=', 'offen');
}

/** The ids of the cases the sources read: an expression of type uuid[] (queries/rows.ts). */
export type CaseIds = RawBuilder<string[]>;

const inCases = (column: string, caseIds: CaseIds) => sql<SqlBool>`${sql.ref(column)} = any(${caseIds})`;

/** § 8a checks whose Gefährdungseinschätzung is due (the urgency set the deadline) and not yet held. */
export function dueAssessments(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  return db
    .selectFrom('child_protection_check as k')
    .select(['k.id', 'k.case_id', 'k.assessment_due_at as due_at', 'k.received_at'])
    .where('k.tenant_id', '=', tenantId)
    .where(inCases('k.case_id', caseIds))
    .where('k.status', '=', 'offen')
    .where('k.assessment_held_at', 'is', null)
    .where('k.assessment_due_at', '<=', until.at)
    .$narrowType<{ due_at: Date }>();
}

/** The step a check's assessment deadline stands for (see dueProcessSteps and the escalation). */
export const notCheckAssessmentStep = sql<SqlBool>`(i.subject_type is distinct from 'child_protection_check'
  or (d.steps -> s.position ->> 'completedBy') is distinct from 'child_protection.assessment')`;

/**
 * A step that saving a help plan completes (Hilfeplangespräch, Überprüfung und Fortschreibung) while the case has
 * a help plan: the plan's agreed review date (dueHelpPlanReviews) is that deadline.
 */
const notHelpPlanStepBesidesAPlan = sql<SqlBool>`((d.steps -> s.position ->> 'completedBy') is distinct from 'help_plan'
  or not exists (select 1 from help_plan hp where hp.tenant_id = s.tenant_id and hp.case_id = s.case_id))`;

/**
 * Open steps of running processes with a deadline. Two are left out because another source lists the same
 * deadline: the Gefährdungseinschätzung step of a check's own child-protection process (the check's assessment
 * deadline, dueAssessments) and, once the case has a help plan, the steps a help plan completes (its review date,
 * dueHelpPlanReviews).
 */
export function dueProcessSteps(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  return (
    db
      .selectFrom('process_step as s')
      .innerJoin('process_instance as i', (j) =>
        j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
      )
      .innerJoin('process_definition as d', (j) =>
        j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
      )
      .select([
        's.id',
        's.case_id',
        's.due_at',
        'd.key as definition_key',
        'd.name as definition_name',
        sql<string>`d.steps -> s.position ->> 'title'`.as('step_title'),
      ])
      .where('s.tenant_id', '=', tenantId)
      .where(inCases('s.case_id', caseIds))
      // The same cases on the instance, so that the planner reads the instances of these cases only.
      .where(inCases('i.case_id', caseIds))
      .where('s.state', '=', 'offen')
      .where('s.due_at', '<=', until.at)
      .where('i.status', '=', 'running')
      .where(notCheckAssessmentStep)
      .where(notHelpPlanStepBesidesAPlan)
      .$narrowType<{ due_at: Date }>()
  );
}

/** The review date of each case's current help plan (the version no later one supersedes). */
export function dueHelpPlanReviews(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  return db
    .selectFrom('help_plan as hp')
    .select(['hp.id', 'hp.case_id', 'hp.review_on', 'hp.version_no'])
    .where('hp.tenant_id', '=', tenantId)
    .where(inCases('hp.case_id', caseIds))
    .where('hp.review_on', '<=', until.on)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('help_plan as n')
            .select('n.id')
            .whereRef('n.tenant_id', '=', 'hp.tenant_id')
            .whereRef('n.supersedes_id', '=', 'hp.id'),
        ),
      ),
    );
}

/** Open Aufträge and Auflagen whose deadline or review date falls due. */
export function dueMandates(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  return db
    .selectFrom('mandate as m')
    .select(['m.id', 'm.case_id', 'm.kind', 'm.due_on', 'm.review_on'])
    .where('m.tenant_id', '=', tenantId)
    .where(inCases('m.case_id', caseIds))
    .where('m.result', '=', 'offen')
    .where((eb) => eb.or([eb('m.due_on', '<=', until.on), eb('m.review_on', '<=', until.on)]));
}

/** Approved measures still running whose planned end has come or passed. */
export function dueMeasureEnds(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  return db
    .selectFrom('measure as ms')
    .innerJoin('help_type as ht', (j) =>
      j.onRef('ht.tenant_id', '=', 'ms.tenant_id').onRef('ht.id', '=', 'ms.help_type_id'),
    )
    .select(['ms.id', 'ms.case_id', 'ms.planned_end_on', 'ht.name as help_type', 'ht.paragraph'])
    .where('ms.tenant_id', '=', tenantId)
    .where(inCases('ms.case_id', caseIds))
    .where('ms.status', '=', 'bewilligt')
    .where('ms.end_on', 'is', null)
    .where('ms.planned_end_on', '<=', until.on)
    .$narrowType<{ planned_end_on: string }>();
}

/**
 * The review dates of the Schutzpläne in the cases (also of a closed § 8a check: the plan outlives the check), up to
 * the end of the week, that are not held yet. The
 * review of a Schutzplan is a new risk assessment in the team, recorded as a Kurzberatung: a review date counts as
 * held once the case has a Kurzberatung on or after it (docs/worklist.md).
 */
export function dueProtectionPlanReviews(db: Kysely<DB>, tenantId: string, caseIds: CaseIds, until: Until) {
  // One row per review date of each Schutzplan (unnest in the select list), then the dates due and not held.
  const reviews = db
    .selectFrom('protection_measure as pm')
    .innerJoin('child_protection_check as k', (j) =>
      j.onRef('k.tenant_id', '=', 'pm.tenant_id').onRef('k.id', '=', 'pm.check_id'),
    )
    .select(['pm.id', 'pm.tenant_id', 'k.case_id', sql<string>`unnest(pm.review_dates)`.as('review_on')])
    .where('pm.tenant_id', '=', tenantId)
    .where(inCases('k.case_id', caseIds))
    .where('pm.kind', '=', 'schutzplan')
    .as('r');
  return db
    .selectFrom(reviews)
    .select(['r.id', 'r.case_id', sql<string>`to_char(r.review_on, 'YYYY-MM-DD')`.as('review_on')])
    .where(sql<SqlBool>`r.review_on <= ${until.on}::date`)
    .where(
      sql<SqlBool>`not exists (select 1 from risk_consultation rc where rc.tenant_id = r.tenant_id
        and rc.case_id = r.case_id and rc.held_on >= r.review_on)`,
    );
}

/** Inobhutnahmen (§ 42) still running (also of a closed check): each is on the list every day until it ends. */
export function runningCareOrders(db: Kysely<DB>, tenantId: string, caseIds: CaseIds) {
  return db
    .selectFrom('protection_measure as pm')
    .innerJoin('child_protection_check as k', (j) =>
      j.onRef('k.tenant_id', '=', 'pm.tenant_id').onRef('k.id', '=', 'pm.check_id'),
    )
    .select(['pm.id', 'k.case_id', 'pm.begin_at'])
    .where('pm.tenant_id', '=', tenantId)
    .where(inCases('k.case_id', caseIds))
    .where('pm.kind', '=', 'inobhutnahme')
    .where('pm.end_at', 'is', null)
    .$narrowType<{ begin_at: Date }>();
}

type RowOf<F extends (...args: never[]) => { execute(): Promise<unknown[]> } | null> = Awaited<
  ReturnType<NonNullable<ReturnType<F>>['execute']>
>[number];
export type ScopedCase = RowOf<typeof scopedCases>;
export type AssessmentRow = RowOf<typeof dueAssessments>;
export type StepRow = RowOf<typeof dueProcessSteps>;
export type HelpPlanRow = RowOf<typeof dueHelpPlanReviews>;
export type MandateRow = RowOf<typeof dueMandates>;
export type MeasureEndRow = RowOf<typeof dueMeasureEnds>;
export type ProtectionPlanReviewRow = RowOf<typeof dueProtectionPlanReviews>;
export type CareOrderRow = RowOf<typeof runningCareOrders>;
