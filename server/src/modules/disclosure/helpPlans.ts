import { attainmentScale, confidedItemTypes, type Disclosure, type WithheldPart } from '@leuchtturm/shared';
import type { DisclosedPlanRow } from './queries.ts';

/**
 * The Hilfepläne in the Auskunft (docs/data-protection.md): each version the § 65 rule lets out, with its
 * Handlungsziele and their attainment; what it keeps back is listed by kind and reason, never by content.
 */

type DisclosedPlan = Disclosure['cases'][number]['helpPlans'][number];

export function presentHelpPlans(
  rows: readonly DisclosedPlanRow[],
  numberOf: ReadonlyMap<string, string>,
  reasons: { confided: string; thirdParty: string },
): { byCase: Map<string, DisclosedPlan[]>; withheld: WithheldPart[] } {
  const byCase = new Map<string, DisclosedPlan[]>();
  const withheld: WithheldPart[] = [];
  const part = (row: DisclosedPlanRow, kind: string, reason: string) =>
    withheld.push({ kind, caseNumber: numberOf.get(row.case_id) ?? null, date: row.meeting_on, reason });
  for (const row of rows) {
    if (!row.shown) {
      part(row, `${confidedItemTypes.labels.help_plan}, Fassung ${row.version_no}`, reasons.confided);
      continue;
    }
    const hidden = new Set(row.withheld_goal_ids);
    for (const _ of hidden)
      part(row, `${confidedItemTypes.labels.goal} im Hilfeplan, Fassung ${row.version_no}`, reasons.confided);
    if (!row.direction_goal_shown)
      part(row, `Richtungsziel im Hilfeplan, Fassung ${row.version_no}`, reasons.confided);
    part(row, `Namen der Beteiligten am Hilfeplangespräch, Fassung ${row.version_no}`, reasons.thirdParty);
    const plans = byCase.get(row.case_id) ?? [];
    plans.push({
      versionNo: row.version_no,
      meetingOn: row.meeting_on,
      reviewOn: row.review_on,
      childParticipated: row.child_participated,
      directionGoal: row.direction_goal_shown ? row.direction_goal : null,
      goals: row.goals
        .filter((g) => !hidden.has(g.id))
        .map((g) => {
          const attained = row.attainment.find((a) => a.goalId === g.id);
          return {
            text: g.text,
            dueOn: g.dueOn,
            attainment: attained
              ? {
                  score:
                    attainmentScale.labels[attained.score as keyof typeof attainmentScale.labels] ??
                    attained.score,
                  note: attained.note,
                }
              : null,
          };
        }),
      agreedMeasures: row.agreed_measures,
    });
    byCase.set(row.case_id, plans);
  }
  return { byCase, withheld };
}
