import { CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import { type RawBuilder, sql } from 'kysely';
import {
  type ContentViewer,
  confidedShownOf,
  confidedShownSql,
  shownOr,
} from '../../confided/queries/visibility.ts';

type PlanGoal = { id: string; text: string; dueOn: string };
type PlanAttainment = { goalId: string; score: string; note: string | null };

/**
 * § 65 SGB VIII on a Hilfeplan version (docs/data-protection.md), as select expressions over the table aliased
 * `alias`: the version's own mark withholds its free text (applicant, participants, agreed help, direction goal,
 * goals, attainment notes); Wille und Ziele's mark its copy of the direction goal; a Handlungsziel's mark its copy of
 * that goal (text and attainment note) in every version, also after the goal has left the sheet. The case page, the
 * PDFs, the exports, the handover package and the Auskunft read plans through this one place.
 */
export function helpPlanContent(alias: string, viewer: ContentViewer) {
  const col = (c: string) => `${alias}.${c}`;
  const shown = confidedShownSql('help_plan', col('tenant_id'), col('id'), viewer);
  const willShown = confidedShownSql('will_and_goals', col('tenant_id'), col('case_id'), viewer);
  const goalShown = (id: RawBuilder<unknown>) =>
    sql<boolean>`(${shown} and ${confidedShownOf('goal', sql.ref(col('tenant_id')), id, viewer)})`;
  const placeholder = sql`to_jsonb(${CONFIDED_PLACEHOLDER}::text)`;
  return {
    shown,
    /** Whether Wille und Ziele's mark lets the direction goal out. */
    directionGoalShown: willShown,
    /** The ids of the goals whose copy is withheld (all of them when the version is). */
    withheldGoalIds: sql<string[]>`(select coalesce(jsonb_agg(g.value->>'id'), '[]'::jsonb)
      from jsonb_array_elements(${sql.ref(col('goals'))}) as g(value)
      where not ${goalShown(sql`(g.value->>'id')::uuid`)})`,
    applicant: shownOr(shown, col('applicant')),
    agreedMeasures: shownOr(shown, col('agreed_measures')),
    directionGoal: sql<string>`case when ${shown} and ${willShown} then ${sql.ref(col('direction_goal'))}
      else ${CONFIDED_PLACEHOLDER} end`,
    participants: sql<string[]>`case when ${shown} then ${sql.ref(col('participants'))}
      else jsonb_build_array(${CONFIDED_PLACEHOLDER}::text) end`,
    goals: sql<PlanGoal[]>`(select coalesce(jsonb_agg(case when ${goalShown(sql`(g.value->>'id')::uuid`)}
        then g.value else jsonb_set(g.value, '{text}', ${placeholder}) end order by g.n), '[]'::jsonb)
      from jsonb_array_elements(${sql.ref(col('goals'))}) with ordinality as g(value, n))`,
    attainment: sql<PlanAttainment[]>`(select coalesce(jsonb_agg(case
        when a.value->>'note' is null or ${goalShown(sql`(a.value->>'goalId')::uuid`)} then a.value
        else jsonb_set(a.value, '{note}', ${placeholder}) end order by a.n), '[]'::jsonb)
      from jsonb_array_elements(${sql.ref(col('attainment'))}) with ordinality as a(value, n))`,
  };
}
