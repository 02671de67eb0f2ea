import type { CaseTransmission, TransmissionBasis } from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from './access.ts';
import { caseTransmissions, findCaseConsent, insertTransmission } from './queries/handovers.ts';

/**
 * Consents gate sharing (docs/handovers.md): a document of the case leaves the office for an institution only on a
 * Schweigepflichtentbindung of this case that is valid that day and not revoked, or on a legal basis from the shared
 * list (`legalBases`). Each transmission is recorded in the case (what, to whom, on which basis, by whom, when).
 */

/** The basis, checked: a consent must be this case's, in force today and not revoked. Refusals name the field. */
export async function checkTransmissionBasis(
  ctx: Ctx,
  caseId: string,
  basis: TransmissionBasis,
): Promise<{ consentId: string | null; legalBasis: string | null }> {
  if (basis.legalBasis) return { consentId: null, legalBasis: basis.legalBasis };
  if (!basis.consentId) {
    throw AppError.validation(
      'legalBasis',
      'Bitte eine gültige Schweigepflichtentbindung oder eine Rechtsgrundlage wählen.',
    );
  }
  const consent = await findCaseConsent(ctx.db, ctx.actor.tenantId, caseId, basis.consentId);
  const today = actorToday(ctx.actor);
  if (
    !consent ||
    consent.revoked_on !== null ||
    consent.valid_from > today ||
    (consent.valid_until !== null && consent.valid_until < today)
  ) {
    throw AppError.validation(
      'consentId',
      'Diese Schweigepflichtentbindung gilt heute nicht (widerrufen, abgelaufen, noch nicht gültig oder nicht aus diesem Fall).',
    );
  }
  return { consentId: consent.id, legalBasis: null };
}

/** Records a transmission in the case and in the trail (ids and codes only: no names of the family). */
export async function recordTransmission(
  ctx: Ctx,
  caseId: string,
  t: {
    documentKind: 'bericht' | 'uebergabepaket';
    recipientKind: string;
    recipient: string;
    basis: { consentId: string | null; legalBasis: string | null };
  },
): Promise<string> {
  const id = await insertTransmission(ctx.db, ctx.actor.tenantId, {
    caseId,
    documentKind: t.documentKind,
    recipientKind: t.recipientKind,
    recipient: t.recipient,
    consentId: t.basis.consentId,
    legalBasis: t.basis.legalBasis,
    transmittedBy: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'export',
    entityType: 'case_transmission',
    entityId: id,
    details: {
      caseId,
      documentKind: t.documentKind,
      recipientKind: t.recipientKind,
      ...(t.basis.consentId ? { consentId: t.basis.consentId } : { legalBasis: t.basis.legalBasis }),
    },
  });
  return id;
}

/** The transmissions of a case, newest first; reading them is audited like the case. */
export async function listTransmissions(ctx: Ctx, caseId: string): Promise<CaseTransmission[]> {
  await requireCase(ctx, caseId, 'read');
  const rows = await caseTransmissions(ctx.db, ctx.actor.tenantId, caseId);
  await ctx.audit({
    action: 'read',
    entityType: 'case_transmission',
    entityId: caseId,
    details: { count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    documentKind: r.document_kind as CaseTransmission['documentKind'],
    recipientKind: r.recipient_kind as CaseTransmission['recipientKind'],
    recipient: r.recipient,
    consent: r.consent_id
      ? {
          id: r.consent_id,
          personName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
          recipient: r.consent_recipient ?? '',
        }
      : null,
    legalBasis: r.legal_basis as CaseTransmission['legalBasis'],
    transmittedBy: r.user_id ? { id: r.user_id, name: r.display_name ?? '' } : null,
    transmittedAt: r.transmitted_at.toISOString(),
  }));
}
