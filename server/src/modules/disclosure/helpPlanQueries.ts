import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { helpPlanContent } from '../cases/queries/helpPlanContent.ts';
import type { ContentViewer } from '../confided/queries/visibility.ts';

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
