import type { CpVisitChecklistInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { recordSaved } from './process.ts';
import { replaceChecklist } from './queries/checklist.ts';
import { findCheck, updateCheck } from './queries/checks.ts';
import { requireCheck } from './rules.ts';

/**
 * The Einschätzungshilfe entered back after a home visit (docs/child-protection.md): the answers of the printed
 * sheet become the record of the check's visit. It belongs to a visit that took place; a new record replaces the
 * previous one, at the version of the check the user saw.
 */
export async function saveVisitChecklist(
  ctx: Ctx,
  caseId: string,
  checkId: string,
  input: CpVisitChecklistInput,
): Promise<void> {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write', { editsText: true });
  if (check.visit_status !== 'durchgefuehrt')
    throw AppError.validation(
      'visit',
      'Die Einschätzungshilfe gehört zu einem durchgeführten Besuch: Bitte zuerst die Inaugenscheinnahme erfassen.',
    );
  const tenantId = ctx.actor.tenantId;
  await expectOneUpdated(
    await updateCheck(ctx.db, tenantId, caseId, checkId, input.version, {}),
    () => findCheck(ctx.db, tenantId, caseId, checkId),
    'Die Gefährdungseinschätzung',
  );
  await replaceChecklist(
    ctx.db,
    tenantId,
    checkId,
    input.areas.map((a) => ({ area: a.area, rating: a.rating, note: a.note?.trim() || null })),
    ctx.actor.userId,
  );
  await ctx.audit({
    action: 'update',
    entityType: 'child_protection_check',
    entityId: checkId,
    details: { caseId, step: 'einschaetzungshilfe', areas: input.areas.map((a) => a.area) },
  });
  await recordSaved(ctx, caseId, 'child_protection.visit', checkId);
}
