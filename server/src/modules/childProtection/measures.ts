import {
  berlinDateOf,
  type CpMeasureInput,
  type CpMeasureUpdate,
  type CpResult,
  cpEndangeringResults,
  formatDateDe,
  todayIso,
} from '@leuchtturm/shared';
import type { Updateable } from 'kysely';
import type { ProtectionMeasureTable } from '../../db/schema-childProtection.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireContentEditable } from '../confided/service.ts';
import { recordSaved } from './process.ts';
import { type CheckRow, closeCheck } from './queries/checks.ts';
import {
  caseMandateIds,
  findMeasure,
  insertMeasure,
  protectiveMeasureCount,
  replaceMeasureMandates,
  updateMeasure,
} from './queries/measures.ts';
import { notBeforeReport, notInFuture, requireCheck } from './rules.ts';

/**
 * Consequences of a § 8a check: Schutzplan (with its Aufträge/Auflagen and review dates), Hilfeangebot, calling
 * the family court, Inobhutnahme (§ 42), and the closing of the check. None before the result. An acute or
 * latent endangerment is closed only after at least one protective consequence.
 */

/** The columns a consequence of this kind keeps; the fields of other kinds are not stored. */
function measureColumns(input: CpMeasureInput | CpMeasureUpdate): Updateable<ProtectionMeasureTable> {
  const k = input.kind;
  return {
    decided_on: input.decidedOn,
    description: input.description || null,
    review_dates: k === 'schutzplan' ? [...new Set(input.reviewDates)].sort() : [],
    offer_kind: k === 'hilfeangebot' ? input.offerKind : null,
    begin_at: k === 'inobhutnahme' ? input.beginAt : null,
    place: k === 'inobhutnahme' ? input.place : null,
    carers_informed_at: k === 'inobhutnahme' ? input.carersInformedAt : null,
    carers_informed_how: k === 'inobhutnahme' ? input.carersInformedHow : null,
    end_at: k === 'inobhutnahme' ? input.endAt : null,
    end_reason: k === 'inobhutnahme' ? input.endReason : null,
  };
}

/** Dates and instants of a consequence: not before the report, nothing that has not happened yet. */
function checkTimes(check: CheckRow, input: CpMeasureInput | CpMeasureUpdate): void {
  const receivedOn = berlinDateOf(check.received_at);
  if (input.decidedOn < receivedOn)
    throw AppError.validation(
      'decidedOn',
      `Das Datum liegt vor dem Eingang der Meldung (${formatDateDe(receivedOn)}).`,
    );
  if (input.decidedOn > todayIso()) throw AppError.validation('decidedOn', 'Das Datum liegt in der Zukunft.');
  if (input.kind !== 'inobhutnahme') return;
  for (const field of ['beginAt', 'carersInformedAt', 'endAt'] as const) {
    const value = input[field];
    if (value === null) continue;
    notInFuture(field, new Date(value));
    notBeforeReport(field, new Date(value), check);
  }
}

async function requireCaseMandates(ctx: Ctx, caseId: string, input: CpMeasureInput | CpMeasureUpdate) {
  if (input.kind !== 'schutzplan') return [];
  const ids = [...new Set(input.mandateIds)];
  const found = await caseMandateIds(ctx.db, ctx.actor.tenantId, caseId, ids);
  if (found.length !== ids.length)
    throw AppError.validation('mandateIds', 'Bitte nur Aufträge und Auflagen dieses Falls wählen.');
  return ids;
}

export async function addMeasure(
  ctx: Ctx,
  caseId: string,
  checkId: string,
  input: CpMeasureInput,
): Promise<string> {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write');
  const tenantId = ctx.actor.tenantId;
  if (check.result === null)
    throw AppError.validation(
      'result',
      'Konsequenzen werden erst nach dem Ergebnis der Gefährdungseinschätzung festgehalten.',
    );
  checkTimes(check, input);
  if (
    input.kind === 'abschluss' &&
    cpEndangeringResults.includes(check.result as CpResult) &&
    (await protectiveMeasureCount(ctx.db, tenantId, check.id)) === 0
  ) {
    throw AppError.validation(
      'kind',
      'Bei einer akuten oder latenten Kindeswohlgefährdung ist vor dem Abschluss mindestens eine Schutzmaßnahme festzuhalten (Schutzplan, Hilfeangebot, Familiengericht oder Inobhutnahme).',
    );
  }
  const mandateIds = await requireCaseMandates(ctx, caseId, input);
  const id = await insertMeasure(ctx.db, {
    ...measureColumns(input),
    tenant_id: tenantId,
    check_id: check.id,
    kind: input.kind,
    decided_on: input.decidedOn,
    created_by: ctx.actor.userId,
  });
  await replaceMeasureMandates(ctx.db, tenantId, id, mandateIds);
  if (input.kind === 'abschluss' && !(await closeCheck(ctx.db, tenantId, caseId, check.id, ctx.actor.userId)))
    throw AppError.versionConflict();
  await ctx.audit({
    action: 'create',
    entityType: 'protection_measure',
    entityId: id,
    details: { caseId, checkId: check.id, kind: input.kind },
  });
  await recordSaved(ctx, caseId, 'child_protection.consequence', id, { checkId: check.id });
  return id;
}

/**
 * A change of a consequence: new review dates of a Schutzplan, the end of an Inobhutnahme. An Inobhutnahme may
 * end after its check was closed, so a change needs the case open but not the check.
 */
export async function changeMeasure(
  ctx: Ctx,
  caseId: string,
  checkId: string,
  measureId: string,
  input: CpMeasureUpdate,
): Promise<void> {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write', { closedCheck: true });
  const tenantId = ctx.actor.tenantId;
  const existing = await findMeasure(ctx.db, tenantId, check.id, measureId);
  if (!existing) throw AppError.notFound('Die Konsequenz');
  // § 65: the form saves the consequence's texts; who sees the placeholder may not write over them.
  await requireContentEditable(ctx, caseId, 'protection_measure', measureId);
  if (existing.kind !== input.kind)
    throw AppError.validation('kind', 'Die Art einer Konsequenz kann nicht geändert werden.');
  if (input.kind === 'abschluss')
    throw AppError.validation(
      'kind',
      'Der Abschluss einer Gefährdungseinschätzung kann nicht geändert werden.',
    );
  checkTimes(check, input);
  const mandateIds = await requireCaseMandates(ctx, caseId, input);
  await expectOneUpdated(
    await updateMeasure(ctx.db, tenantId, check.id, measureId, input.version, measureColumns(input)),
    () => findMeasure(ctx.db, tenantId, check.id, measureId),
    'Die Konsequenz',
  );
  await replaceMeasureMandates(ctx.db, tenantId, measureId, mandateIds);
  await ctx.audit({
    action: 'update',
    entityType: 'protection_measure',
    entityId: measureId,
    details: { caseId, checkId: check.id, kind: input.kind },
  });
  await recordSaved(ctx, caseId, 'child_protection.consequence', measureId, { checkId: check.id });
}
