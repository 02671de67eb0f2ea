import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type TeamRow, teamWithCaseWorkers } from './caseload.ts';
import { dueVisitFollowUps, type VisitFollowUpRow } from './followUps.ts';
import {
  type AssessmentRow,
  type CareOrderRow,
  dueAssessments,
  dueHelpPlanReviews,
  dueMandates,
  dueMeasureEnds,
  dueProcessSteps,
  dueProtectionPlanReviews,
  type HelpPlanRow,
  type MandateRow,
  type MeasureEndRow,
  type ProtectionPlanReviewRow,
  runningCareOrders,
  type ScopedCase,
  type StepRow,
  scopedCases,
  type Until,
  type WorklistScope,
} from './items.ts';

/**
 * The whole work list in one statement: the scope's open cases (`sc`), their ids once as an array (`ids`, read by
 * every source as `case_id = any(...)`, so each still uses its table's case index), then every source as a union
 * of (kind, row as JSON). One round trip instead of one per source: on a request that reads a few dozen rows, the
 * statements, not the rows, were the cost. JSON carries dates as 'YYYY-MM-DD' (as the driver reads them) and
 * instants as ISO text, revived here.
 */

export interface WorklistRows {
  cases: ScopedCase[];
  assessments: AssessmentRow[];
  steps: StepRow[];
  reviews: HelpPlanRow[];
  mandates: MandateRow[];
  measures: MeasureEndRow[];
  protectionPlans: ProtectionPlanReviewRow[];
  careOrders: CareOrderRow[];
  followUps: VisitFollowUpRow[];
  /** The team asked for with its case workers (none: no such team). */
  team: TeamRow | null;
}

const source = (kind: string, query: { toOperationNode(): unknown }) =>
  sql`select ${kind}::text as kind, to_json(q) as row from (${query as RawBuilder<unknown>}) q`;

export async function worklistRows(
  db: Kysely<DB>,
  scope: WorklistScope,
  until: Until,
  options: { area: boolean; followUpsOf: string | null; team: string | null },
): Promise<WorklistRows> {
  const { tenantId } = scope;
  const cases = scopedCases(db, scope, options);
  // The cast makes it an array expression: `any((select ...))` alone would read as `any` over a subquery's rows.
  const ids = sql<string[]>`(select a from ids)::uuid[]`;
  const parts = cases
    ? [
        sql`select 'case'::text as kind, to_json(sc) as row from sc`,
        source('assessment', dueAssessments(db, tenantId, ids, until)),
        source('step', dueProcessSteps(db, tenantId, ids, until)),
        source('review', dueHelpPlanReviews(db, tenantId, ids, until)),
        source('mandate', dueMandates(db, tenantId, ids, until)),
        source('measure', dueMeasureEnds(db, tenantId, ids, until)),
        source('protection_plan', dueProtectionPlanReviews(db, tenantId, ids, until)),
        source('care_order', runningCareOrders(db, tenantId, ids)),
      ]
    : [];
  if (options.team) parts.push(source('team', teamWithCaseWorkers(db, tenantId, options.team)));
  if (options.followUpsOf) {
    parts.push(source('follow_up', dueVisitFollowUps(db, tenantId, options.followUpsOf, until.on)));
  }
  const rows: WorklistRows = {
    cases: [],
    assessments: [],
    steps: [],
    reviews: [],
    mandates: [],
    measures: [],
    protectionPlans: [],
    careOrders: [],
    followUps: [],
    team: null,
  };
  if (parts.length === 0) return rows;
  const ctes = cases
    ? sql`with sc as materialized (${cases}),
        ids as (select coalesce(array_agg(id), '{}')::uuid[] as a from sc) `
    : sql``;
  const result = await sql<{ kind: string; row: Record<string, unknown> }>`${ctes}${sql.join(
    parts,
    sql` union all `,
  )}`.execute(db);
  const instant = (r: Record<string, unknown>, key: string) => ({ ...r, [key]: new Date(r[key] as string) });
  for (const { kind, row } of result.rows) {
    if (kind === 'case') rows.cases.push(row as unknown as ScopedCase);
    else if (kind === 'assessment') {
      rows.assessments.push({
        ...instant(row, 'due_at'),
        received_at: new Date(row.received_at as string),
      } as AssessmentRow);
    } else if (kind === 'step') rows.steps.push(instant(row, 'due_at') as StepRow);
    else if (kind === 'review') rows.reviews.push(row as unknown as HelpPlanRow);
    else if (kind === 'mandate') rows.mandates.push(row as unknown as MandateRow);
    else if (kind === 'measure') rows.measures.push(row as unknown as MeasureEndRow);
    else if (kind === 'protection_plan') rows.protectionPlans.push(row as unknown as ProtectionPlanReviewRow);
    else if (kind === 'care_order') rows.careOrders.push(instant(row, 'begin_at') as CareOrderRow);
    else if (kind === 'follow_up') rows.followUps.push(row as unknown as VisitFollowUpRow);
    else if (kind === 'team') rows.team = row as unknown as TeamRow;
  }
  return rows;
}
