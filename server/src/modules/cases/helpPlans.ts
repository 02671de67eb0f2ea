import { addMonths, type HelpPlanInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireContentEditable } from '../confided/service.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { requireCase } from './access.ts';
import { currentGoals, insertHelpPlan, latestHelpPlan } from './queries/records.ts';

const newerVersion = () =>
  new AppError(
    'version_conflict',
    'Es gibt inzwischen eine neuere Fassung des Hilfeplans. Bitte laden Sie den Fall neu und schreiben Sie die neueste fort.',
  );

/**
 * Hilfeplan (§ 36 SGB VIII). Each version is immutable (a database trigger refuses changes); a Fortschreibung is a
 * new version that supersedes the latest one. Goals are copied from Wille und Ziele at the time, so a version keeps
 * showing what was agreed even after the goals change.
 */
export async function addHelpPlan(
  ctx: Ctx,
  caseId: string,
  input: HelpPlanInput,
): Promise<{ id: string; versionNo: number; warnings: string[] }> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const latest = await latestHelpPlan(ctx.db, tenantId, caseId);
  if ((latest?.id ?? null) !== input.supersedesId) {
    throw latest
      ? newerVersion()
      : AppError.validation(
          'supersedesId',
          'Es gibt noch keinen Hilfeplan, der fortgeschrieben werden könnte.',
        );
  }
  // § 65: a Fortschreibung continues the latest version (its form starts from it); who sees the placeholder there
  // may not write one over it.
  if (latest) await requireContentEditable(ctx, caseId, 'help_plan', latest.id);
  if (input.reviewOn <= input.meetingOn)
    throw AppError.validation('reviewOn', 'Die Überprüfung liegt nach dem Hilfeplangespräch.');
  // § 36 asks for a review at the latest after six months; a later date is allowed but flagged.
  const warnings =
    input.reviewOn > addMonths(input.meetingOn, 6)
      ? [
          'Die Überprüfung liegt mehr als sechs Monate nach dem Hilfeplangespräch (§ 36 SGB VIII: spätestens nach sechs Monaten).',
        ]
      : [];
  const current = await currentGoals(ctx.db, tenantId, caseId);
  if (!current)
    throw AppError.validation(
      'goals',
      'Bitte zuerst Wille und Ziele der Familie erfassen: der Hilfeplan übernimmt sie.',
    );
  const { directionGoal, goals } = current;
  const goalIds = new Set(goals.map((g) => g.id));
  const unknown = input.attainment.findIndex((a) => !goalIds.has(a.goalId));
  if (unknown >= 0)
    throw AppError.validation(`attainment.${unknown}.goalId`, 'Dieses Handlungsziel gehört nicht zum Fall.');
  if (!latest && input.attainment.length > 0) {
    throw AppError.validation('attainment', 'Die Zielerreichung wird erst bei der Fortschreibung bewertet.');
  }
  const versionNo = (latest?.version_no ?? 0) + 1;
  const id = await insertHelpPlan(ctx.db, tenantId, caseId, {
    ...input,
    versionNo,
    directionGoal,
    goals: goals.map((g) => ({ id: g.id, text: g.text, dueOn: g.due_on })),
    createdBy: ctx.actor.userId,
  });
  // The version read above is not locked: a Fortschreibung saved since then holds the version number (and the
  // superseded plan), and the insert, a conditional write, refuses to write a second one.
  if (!id) throw newerVersion();
  await ctx.audit({
    action: 'create',
    entityType: 'help_plan',
    entityId: id,
    details: { caseId, versionNo },
  });
  await completeProcessSteps(ctx, caseId, 'help_plan', id);
  return { id, versionNo, warnings };
}
