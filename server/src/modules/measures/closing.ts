import { type ClosingMeasureDecision, formatDateDe } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { listMeasuresToDecide } from './queries/measures.ts';
import { endMeasure, withdrawMeasure } from './service.ts';

/**
 * What closing a case does with its help (cases/closing.ts calls this before it closes the case file, in the same
 * transaction): every measure that is still planned, or approved and not ended by the closing date, needs a
 * decision. An approved one ends on the closing date with its end reason, a planned one is withdrawn with its
 * reason; without a decision for each, nothing is closed. Each change is endMeasure's or withdrawMeasure's, with its
 * checks and audit entry, so a closed case never leaves help running and costing money.
 */
export async function decideMeasuresOnClosing(
  ctx: Ctx,
  caseId: string,
  closedOn: string,
  decisions: readonly ClosingMeasureDecision[],
): Promise<void> {
  const toDecide = await listMeasuresToDecide(ctx.db, ctx.actor.tenantId, caseId, closedOn);
  const pending = new Map(toDecide.map((m) => [m.id, m]));
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!pending.has(d.measureId) || seen.has(d.measureId))
      throw AppError.validation(
        `measures.${i}.measureId`,
        'Diese Hilfe läuft zum Abschluss nicht mehr, gehört nicht zu diesem Fall oder ist doppelt genannt.',
      );
    seen.add(d.measureId);
  });
  const missing = toDecide.filter((m) => !seen.has(m.id)).length;
  if (missing > 0)
    throw AppError.validation(
      'measures',
      missing === 1
        ? 'Eine Hilfe des Falls läuft noch oder ist geplant: Bitte beenden oder zurückziehen, mit Grund.'
        : `${missing} Hilfen des Falls laufen noch oder sind geplant: Bitte jede beenden oder zurückziehen, mit Grund.`,
    );

  for (const [i, d] of decisions.entries()) {
    const m = pending.get(d.measureId);
    if (!m) continue;
    if (d.action === 'beenden') {
      if (m.status !== 'bewilligt')
        throw AppError.validation(
          `measures.${i}.action`,
          'Diese Hilfe ist noch nicht bewilligt: Sie wird zurückgezogen, nicht beendet.',
        );
      if (m.begin_on > closedOn)
        throw AppError.validation(
          `measures.${i}.action`,
          `Diese bewilligte Hilfe beginnt erst am ${formatDateDe(m.begin_on)}, nach dem Abschlussdatum.`,
        );
      await endMeasure(ctx, m.id, { endOn: closedOn, endReason: d.endReason, version: d.version });
    } else {
      if (m.status !== 'geplant')
        throw AppError.validation(
          `measures.${i}.action`,
          'Diese Hilfe ist bewilligt: Sie wird beendet, nicht zurückgezogen.',
        );
      await withdrawMeasure(ctx, m.id, { reason: d.reason, version: d.version });
    }
  }
}
