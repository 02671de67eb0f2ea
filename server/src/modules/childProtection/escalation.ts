import { type CpEscalationInput, formatDateDe } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireCase } from '../cases/access.ts';
import { addMandate, addRiskConsultation } from '../cases/classification.ts';
import { requireContentEditable } from '../confided/service.ts';
import { bumpFailedMandate, escalationOf, findMandate, latestConsultationOn } from './queries/escalation.ts';

/**
 * A failed Auftrag (teilweise or nicht erfüllt) becomes an Auflage, in one transaction: a Kurzberatung moves the
 * case into the danger area (an Auflage exists only there), then the Auflage is given with the link to the
 * Auftrag it came from (mandate.escalated_from_id). An Auftrag is escalated at most once.
 */
export async function escalateMandate(
  ctx: Ctx,
  caseId: string,
  input: CpEscalationInput,
): Promise<{ id: string; consultationId: string }> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const mandate = await findMandate(ctx.db, tenantId, caseId, input.mandateId);
  if (!mandate) throw AppError.validation('mandateId', 'Diesen Auftrag gibt es in diesem Fall nicht.');
  if (mandate.kind !== 'auftrag')
    throw AppError.validation('mandateId', 'Nur ein Auftrag kann in eine Auflage überführt werden.');
  if (mandate.result !== 'teilweise' && mandate.result !== 'nicht_erfuellt')
    throw AppError.validation(
      'mandateId',
      'Nur ein nicht oder nur teilweise erfüllter Auftrag kann in eine Auflage überführt werden.',
    );
  // § 65: the Auflage's form starts from the Auftrag's text; who sees the placeholder may not escalate it.
  await requireContentEditable(ctx, caseId, 'mandate', mandate.id);
  if (await escalationOf(ctx.db, tenantId, mandate.id))
    throw new AppError('conflict', 'Dieser Auftrag wurde bereits in eine Auflage überführt.');
  const latest = await latestConsultationOn(ctx.db, tenantId, caseId);
  if (latest && input.heldOn < latest)
    throw AppError.validation(
      'heldOn',
      `Die Kurzberatung kann nicht vor der letzten Einordnung des Falls (${formatDateDe(latest)}) liegen, denn sie legt die neue Einordnung fest.`,
    );
  await expectOneUpdated(
    await bumpFailedMandate(ctx.db, tenantId, caseId, mandate.id, input.version),
    () => findMandate(ctx.db, tenantId, caseId, mandate.id),
    'Der Auftrag',
  );
  const consultationId = await addRiskConsultation(ctx, caseId, {
    heldOn: input.heldOn,
    participantIds: input.participantIds,
    facts: input.facts,
    area: 'gefaehrdung',
    nextSteps: input.nextSteps,
  });
  const id = await addMandate(
    ctx,
    caseId,
    { ...input.auflage, kind: 'auflage', purpose: 'abwendung' },
    mandate.id,
  );
  return { id, consultationId };
}
