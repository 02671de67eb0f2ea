import { addMonths, type HelpPlanInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from './access.ts';

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
  const latest = await ctx.db
    .selectFrom('help_plan')
    .select(['id', 'version_no'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  if ((latest?.id ?? null) !== input.supersedesId) {
    throw latest
      ? new AppError(
          'version_conflict',
          'Es gibt inzwischen eine neuere Fassung des Hilfeplans. Bitte laden Sie den Fall neu und schreiben Sie die neueste fort.',
        )
      : AppError.validation(
          'supersedesId',
          'Es gibt noch keinen Hilfeplan, der fortgeschrieben werden könnte.',
        );
  }
  if (input.reviewOn <= input.meetingOn)
    throw AppError.validation('reviewOn', 'Die Überprüfung liegt nach dem Hilfeplangespräch.');
  // § 36 asks for a review at the latest after six months; a later date is allowed but flagged.
  const warnings =
    input.reviewOn > addMonths(input.meetingOn, 6)
      ? [
          'Die Überprüfung liegt mehr als sechs Monate nach dem Hilfeplangespräch (§ 36 SGB VIII: spätestens nach sechs Monaten).',
        ]
      : [];
  const will = await ctx.db
    .selectFrom('will_and_goals')
    .select('direction_goal')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!will)
    throw AppError.validation(
      'goals',
      'Bitte zuerst Wille und Ziele der Familie erfassen: der Hilfeplan übernimmt sie.',
    );
  const goals = await ctx.db
    .selectFrom('goal')
    .select(['id', 'text', 'due_on'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  const goalIds = new Set(goals.map((g) => g.id));
  const unknown = input.attainment.findIndex((a) => !goalIds.has(a.goalId));
  if (unknown >= 0)
    throw AppError.validation(`attainment.${unknown}.goalId`, 'Dieses Handlungsziel gehört nicht zum Fall.');
  if (!latest && input.attainment.length > 0) {
    throw AppError.validation('attainment', 'Die Zielerreichung wird erst bei der Fortschreibung bewertet.');
  }
  const versionNo = (latest?.version_no ?? 0) + 1;
  const row = await ctx.db
    .insertInto('help_plan')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      version_no: versionNo,
      supersedes_id: input.supersedesId,
      application_on: input.applicationOn,
      applicant: input.applicant,
      meeting_on: input.meetingOn,
      participants: JSON.stringify(input.participants),
      child_participated: input.childParticipated,
      agreed_measures: input.agreedMeasures,
      review_on: input.reviewOn,
      direction_goal: will.direction_goal,
      goals: JSON.stringify(goals.map((g) => ({ id: g.id, text: g.text, dueOn: g.due_on }))),
      attainment: JSON.stringify(input.attainment),
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'create',
    entityType: 'help_plan',
    entityId: row.id,
    details: { caseId, versionNo },
  });
  return { id: row.id, versionNo, warnings };
}
