import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CostMeasure, RatePeriod, RateUnit } from './costRule.ts';
import {
  type CostFilter,
  listCostMeasures,
  listPaymentsInPeriod,
  listRatesInPeriod,
} from './queries/costs.ts';

/**
 * Loads what the cost rule needs for many measures at once: three queries (measures, rates of their offers,
 * payments in the period), however many measures. Used by finance screens, controlling, exports and the benchmark.
 */
export interface CostRow {
  id: string;
  caseId: string;
  category: string;
  helpTypeId: string;
  measure: CostMeasure;
}

/** An individual rate (flexible help) holds for the whole measure. */
export const individualRate = (amount: string): RatePeriod[] => [
  { amount, validFrom: '1900-01-01', validTo: null },
];

/** Rate rows grouped into the rate periods of each offer, for the cost rule. */
export function ratesByOffer(
  rows: readonly { offer_id: string; amount: string; valid_from: string; valid_to: string | null }[],
): Map<string, RatePeriod[]> {
  const byOffer = new Map<string, RatePeriod[]>();
  for (const r of rows) {
    const list = byOffer.get(r.offer_id) ?? [];
    list.push({ amount: r.amount, validFrom: r.valid_from, validTo: r.valid_to });
    byOffer.set(r.offer_id, list);
  }
  return byOffer;
}

/** A measure row as listCostMeasures reads it: what the cost rule needs of the measure and its offer. */
export type CostMeasureRow = Awaited<ReturnType<typeof listCostMeasures>>[number];

export async function loadCostInputs(
  db: Kysely<DB>,
  tenantId: string,
  filter: CostFilter,
): Promise<CostRow[]> {
  return costInputsOf(db, tenantId, filter, await listCostMeasures(db, tenantId, filter));
}

/**
 * The cost rule's inputs for measure rows already read (those `filter` selects, e.g. by a query that needs more of
 * them): the rates of their offers and the payments in the period, two queries.
 */
export async function costInputsOf(
  db: Kysely<DB>,
  tenantId: string,
  filter: CostFilter,
  measures: readonly CostMeasureRow[],
): Promise<CostRow[]> {
  if (measures.length === 0) return [];

  const rates = ratesByOffer(await listRatesInPeriod(db, tenantId, filter.from, filter.to));

  const paymentsByMeasure = new Map<string, Map<string, string>>();
  for (const p of await listPaymentsInPeriod(db, tenantId, filter)) {
    const map = paymentsByMeasure.get(p.measure_id) ?? new Map<string, string>();
    map.set(p.month.slice(0, 7), p.amount);
    paymentsByMeasure.set(p.measure_id, map);
  }

  return measures.map((m) => ({
    id: m.id,
    caseId: m.case_id,
    category: m.category,
    helpTypeId: m.help_type_id,
    measure: {
      begin: m.begin_on,
      end: m.end_on,
      unit: (m.individual_unit ?? m.offer_unit ?? 'day') as RateUnit,
      hoursPerWeek: m.hours_per_week,
      rates: m.individual_amount ? individualRate(m.individual_amount) : (rates.get(m.offer_id ?? '') ?? []),
      approved: m.status === 'bewilligt',
      payments: paymentsByMeasure.get(m.id) ?? new Map(),
    },
  }));
}
