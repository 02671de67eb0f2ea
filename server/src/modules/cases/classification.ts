import type { MandateInput, RiskConsultationInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireContentEditable } from '../confided/service.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { requireCase } from './access.ts';
import {
  currentArea,
  findMandate,
  insertMandate,
  insertRiskConsultation,
  updateMandateResult,
} from './queries/records.ts';
import { existingStaffIds } from './queries/staff.ts';

/** Falleinordnung (in a Kurzberatung zur Risikoeinschätzung) and the Aufträge and Auflagen that follow from it. */

export async function addRiskConsultation(
  ctx: Ctx,
  caseId: string,
  input: RiskConsultationInput,
): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (input.heldOn < loaded.opened_on)
    throw AppError.validation('heldOn', 'Die Kurzberatung kann nicht vor dem Falleingang liegen.');
  const participantIds = [...new Set(input.participantIds)];
  const staff = await existingStaffIds(ctx.db, ctx.actor.tenantId, participantIds);
  if (staff.length !== participantIds.length || participantIds.length < 2) {
    throw AppError.validation(
      'participantIds',
      'Eine Kurzberatung braucht mindestens zwei Fachkräfte aus dem Personalverzeichnis.',
    );
  }
  const id = await insertRiskConsultation(ctx.db, ctx.actor.tenantId, caseId, { ...input, participantIds });
  await ctx.audit({
    action: 'create',
    entityType: 'risk_consultation',
    entityId: id,
    details: { caseId, area: input.area },
  });
  await completeProcessSteps(ctx, caseId, 'risk_consultation', id);
  return id;
}

/**
 * An Auftrag exists only in the grey or danger area, an Auflage only in the danger area: the area at the time
 * the mandate is given, i.e. the current classification. An Auflage always averts an endangerment; an Auflage
 * escalated from a failed Auftrag names it (childProtection/escalation.ts).
 */
export async function addMandate(
  ctx: Ctx,
  caseId: string,
  input: MandateInput,
  escalatedFromId: string | null = null,
): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  if (input.kind === 'auflage' && input.purpose !== 'abwendung') {
    throw AppError.validation('purpose', 'Eine Auflage dient immer der Abwendung einer Gefährdung.');
  }
  const area = await currentArea(ctx.db, ctx.actor.tenantId, caseId);
  if (input.kind === 'auflage' && area !== 'gefaehrdung') {
    throw AppError.validation('kind', 'Auflagen gibt es nur für Fälle im Gefährdungsbereich.');
  }
  if (input.kind === 'auftrag' && area !== 'grau' && area !== 'gefaehrdung') {
    throw AppError.validation(
      'kind',
      'Aufträge gibt es nur für Fälle im Grau- oder Gefährdungsbereich. Im Leistungsbereich führen Wille und Ziele der Familie.',
    );
  }
  const id = await insertMandate(
    ctx.db,
    ctx.actor.tenantId,
    caseId,
    input,
    escalatedFromId,
    ctx.actor.userId,
  );
  await ctx.audit({
    action: 'create',
    entityType: 'mandate',
    entityId: id,
    details: {
      caseId,
      kind: input.kind,
      purpose: input.purpose,
      ...(escalatedFromId ? { escalatedFromId } : {}),
    },
  });
  return id;
}

export async function setMandateResult(
  ctx: Ctx,
  caseId: string,
  mandateId: string,
  input: { result: string; consequence: string | null; version: number },
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  await requireContentEditable(ctx, caseId, 'mandate', mandateId);
  const tenantId = ctx.actor.tenantId;
  await expectOneUpdated(
    await updateMandateResult(ctx.db, tenantId, caseId, mandateId, input),
    () => findMandate(ctx.db, tenantId, caseId, mandateId),
    'Der Auftrag',
  );
  await ctx.audit({
    action: 'update',
    entityType: 'mandate',
    entityId: mandateId,
    details: { caseId, fields: ['result', 'consequence'] },
  });
}
