import { berlinDateOf, formatDateDe } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { type LoadedCase, requireCase } from '../cases/access.ts';
import { existingStaffIds } from '../cases/queries/staff.ts';
import { requireContentEditable } from '../confided/service.ts';
import { type CheckRow, findCheck } from './queries/checks.ts';

/** Rules every step of the § 8a process shares: the gate to an open check, times, and the staff it names. */

/** Clocks of browser and server differ a little; a time up to five minutes ahead counts as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Refuses a time in the future: the process records what happened, not what is planned. */
export function notInFuture(field: string, at: Date, now = new Date()): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw AppError.validation(
      field,
      'Der Zeitpunkt liegt in der Zukunft. Bitte erfassen Sie, was geschehen ist.',
    );
}

/** Refuses a time before the report was received. */
export function notBeforeReport(field: string, at: Date, check: CheckRow): void {
  if (at.getTime() < check.received_at.getTime())
    throw AppError.validation(
      field,
      `Der Zeitpunkt liegt vor dem Eingang der Meldung (${formatDateDe(berlinDateOf(check.received_at))}).`,
    );
}

/**
 * The case (access first) and one of its checks. For a change the case must be open, and so must the check
 * unless `closedCheck` allows a closed one (the end of an Inobhutnahme may come after the check was closed).
 * `editsText`: the change saves the check's own free text (a step's form), so under § 65 only who may read that
 * text may save it (requireContentEditable); adding a consequence does not.
 */
export async function requireCheck(
  ctx: Ctx,
  caseId: string,
  checkId: string,
  purpose: 'read' | 'write',
  { closedCheck = false, editsText = false }: { closedCheck?: boolean; editsText?: boolean } = {},
): Promise<{ loaded: LoadedCase; check: CheckRow }> {
  const loaded = await requireCase(ctx, caseId, purpose);
  const check = await findCheck(ctx.db, ctx.actor.tenantId, caseId, checkId);
  if (!check) throw AppError.notFound('Die Gefährdungseinschätzung');
  if (purpose === 'write' && !closedCheck && check.status === 'abgeschlossen')
    throw new AppError(
      'conflict',
      'Die Gefährdungseinschätzung ist abgeschlossen und kann nicht mehr geändert werden.',
    );
  if (editsText) await requireContentEditable(ctx, caseId, 'child_protection_check', check.id);
  return { loaded, check };
}

/** The ids, each once, if every one is a staff member of the tenant; otherwise a 400 on the field. */
export async function requireStaff(ctx: Ctx, field: string, ids: readonly string[], message: string) {
  const unique = [...new Set(ids)];
  const found = await existingStaffIds(ctx.db, ctx.actor.tenantId, unique);
  if (found.length !== unique.length) throw AppError.validation(field, message);
  return unique;
}
