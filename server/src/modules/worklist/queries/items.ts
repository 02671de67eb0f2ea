import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CaseListFilter } from '../../access/policy.ts';

/**
 * The work list's sources (docs/worklist.md): one statement per kind of deadline, each over the open cases of the
 * scope, up to the end of the week. Each reads the case's number, family name and lead in the same statement.
 */

export interface WorklistScope {
  tenantId: string;
  /** The case-access rule's list form (access/policy.ts caseListFilter). */
  filter: CaseListFilter;
  /** Instants up to here (the end of Sunday, Berlin) ... */
  untilAt: Date;
  /** ... and dates up to here (that Sunday). */
  untilOn: string;
}

/**
 * The cases of the scope, as a condition on `c` (case_file): led by the actor or someone she stands in for, granted
 * to her, or (team) of the team she leads. A union of index lookups rather than an `or`, so that the planner
 * starts from the few cases in scope.
 */
function inScope(scope: WorklistScope): Expression<SqlBool> {
  const { tenantId, filter } = scope;
  const parts = [
    ...(filter.leadUserIds.length > 0
      ? [
          sql`select s.id from case_file s where s.tenant_id = ${tenantId} and s.status = 'offen'
            and s.lead_user_id in (${sql.join(filter.leadUserIds)})`,
        ]
      : []),
    ...(filter.teamLeadOf
      ? [
          sql`select s.id from case_file s where s.tenant_id = ${tenantId} and s.status = 'offen'
            and s.team_id = ${filter.teamLeadOf}`,
        ]
      : []),
    ...(filter.grantee
      ? [
          sql`select g.case_id from case_access_grant g where g.tenant_id = ${tenantId} and g.user_id = ${filter.grantee}`,
        ]
      : []),
  ];
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`c.id in (${sql.join(parts, sql` union `)})`;
}

/** Open cases of the scope with what every item shows: number, family name, lead. */
function scopedCases(db: Kysely<DB>, scope: WorklistScope) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.status', '=', 'offen')
    .where(inScope(scope));
}

const caseColumns = [
  'c.id as case_id',
  'c.case_number',
  'h.name as family',
  'u.id as lead_id',
  'u.display_name as lead_name',
] as const;

/** § 8a checks whose Gefährdungseinschätzung is due (the urgency set the deadline) and not yet held. */
export function dueAssessments(db: Kysely<DB>, scope: WorklistScope) {
  return scopedCases(db, scope)
    .innerJoin('child_protection_check as k', (j) =>
      j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.case_id', '=', 'c.id'),
    )
    .select([...caseColumns, 'k.id', 'k.assessment_due_at as due_at', 'k.received_at'])
    .where('k.status', '=', 'offen')
    .where('k.assessment_held_at', 'is', null)
    .where('k.assessment_due_at', '<=', scope.untilAt)
    .$narrowType<{ due_at: Date }>()
    .execute();
}

/**
 * Open steps of running processes with a deadline. The Gefährdungseinschätzung step of a check's own
 * child-protection process is left out: the check's assessment deadline (dueAssessments) is that deadline.
 */
export function dueProcessSteps(db: Kysely<DB>, scope: WorklistScope) {
  return scopedCases(db, scope)
    .innerJoin('process_step as s', (j) =>
      j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.case_id', '=', 'c.id'),
    )
    .innerJoin('process_instance as i', (j) =>
      j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
    )
    .innerJoin('process_definition as d', (j) =>
      j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
    )
    .select([
      ...caseColumns,
      's.id',
      's.due_at',
      'd.key as definition_key',
      'd.name as definition_name',
      sql<string>`d.steps -> s.position ->> 'title'`.as('step_title'),
    ])
    .where('s.state', '=', 'offen')
    .where('s.due_at', '<=', scope.untilAt)
    .where('i.status', '=', 'running')
    .where(notCheckAssessmentStep)
    .$narrowType<{ due_at: Date }>()
    .execute();
}

/** The step a check's assessment deadline stands for (see dueProcessSteps and the escalation). */
const notCheckAssessmentStep = sql<SqlBool>`(i.subject_type is distinct from 'child_protection_check'
  or (d.steps -> s.position ->> 'completedBy') is distinct from 'child_protection.assessment')`;

/** The review date of each case's current help plan (the version no later one supersedes). */
export function dueHelpPlanReviews(db: Kysely<DB>, scope: WorklistScope) {
  return scopedCases(db, scope)
    .innerJoin('help_plan as hp', (j) =>
      j.onRef('hp.tenant_id', '=', 'c.tenant_id').onRef('hp.case_id', '=', 'c.id'),
    )
    .select([...caseColumns, 'hp.id', 'hp.review_on', 'hp.version_no'])
    .where('hp.review_on', '<=', scope.untilOn)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('help_plan as n')
            .select('n.id')
            .whereRef('n.tenant_id', '=', 'hp.tenant_id')
            .whereRef('n.supersedes_id', '=', 'hp.id'),
        ),
      ),
    )
    .execute();
}

/** Open Aufträge and Auflagen whose deadline or review date falls due. */
export function dueMandates(db: Kysely<DB>, scope: WorklistScope) {
  return scopedCases(db, scope)
    .innerJoin('mandate as m', (j) =>
      j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.case_id', '=', 'c.id'),
    )
    .select([...caseColumns, 'm.id', 'm.kind', 'm.due_on', 'm.review_on'])
    .where('m.result', '=', 'offen')
    .where((eb) => eb.or([eb('m.due_on', '<=', scope.untilOn), eb('m.review_on', '<=', scope.untilOn)]))
    .execute();
}

/** Approved measures still running whose planned end has come or passed. */
export function dueMeasureEnds(db: Kysely<DB>, scope: WorklistScope) {
  return scopedCases(db, scope)
    .innerJoin('measure as ms', (j) =>
      j.onRef('ms.tenant_id', '=', 'c.tenant_id').onRef('ms.case_id', '=', 'c.id'),
    )
    .innerJoin('help_type as ht', (j) =>
      j.onRef('ht.tenant_id', '=', 'ms.tenant_id').onRef('ht.id', '=', 'ms.help_type_id'),
    )
    .select([...caseColumns, 'ms.id', 'ms.planned_end_on', 'ht.name as help_type', 'ht.paragraph'])
    .where('ms.status', '=', 'bewilligt')
    .where('ms.end_on', 'is', null)
    .where('ms.planned_end_on', '<=', scope.untilOn)
    .$narrowType<{ planned_end_on: string }>()
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof dueAssessments>>[number];
export type StepRow = Awaited<ReturnType<typeof dueProcessSteps>>[number];
export type HelpPlanRow = Awaited<ReturnType<typeof dueHelpPlanReviews>>[number];
export type MandateRow = Awaited<ReturnType<typeof dueMandates>>[number];
export type MeasureEndRow = Awaited<ReturnType<typeof dueMeasureEnds>>[number];
