import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CostMeasure, RatePeriod, RateUnit } from './costRule.ts';

/**
 * Loads what the cost rule needs for many measures at once: three queries (measures, rates of their offers,
 * payments in the period), however many measures. Used by finance screens, exports and the benchmark.
 */
export interface CostRow {
  id: string;
  caseId: string;
  category: string;
  helpTypeId: string;
  measure: CostMeasure;
}

export async function loadCostInputs(
  db: Kysely<DB>,
  tenantId: string,
  filter: {
    from: string;
    to: string;
    measureIds?: string[];
    approvedOnly?: boolean;
    /** Only measures of cases of these districts or teams (a controlling region). */
    scope?: { column: 'district_id' | 'team_id'; ids: string[] } | null;
  },
): Promise<CostRow[]> {
  let q = db
    .selectFrom('measure as m')
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .select([
      'm.id',
      'm.case_id',
      'm.category',
      'm.help_type_id',
      'm.offer_id',
      'm.individual_amount',
      'm.individual_unit',
      'm.begin_on',
      'm.end_on',
      'm.hours_per_week',
      'm.status',
      'o.unit as offer_unit',
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.begin_on', '<=', filter.to)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', filter.from)]));
  if (filter.measureIds)
    q = q.where(
      'm.id',
      'in',
      filter.measureIds.length > 0 ? filter.measureIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (filter.approvedOnly) q = q.where('m.status', '=', 'bewilligt');
  const scope = filter.scope;
  if (scope) {
    // From the region's cases to their measures (both indexed), not from every measure to its case.
    q = q.where('m.case_id', 'in', (eb) =>
      eb
        .selectFrom('case_file as c')
        .select('c.id')
        .where('c.tenant_id', '=', tenantId)
        .where(
          `c.${scope.column}`,
          'in',
          scope.ids.length > 0 ? scope.ids : ['00000000-0000-0000-0000-000000000000'],
        ),
    );
  }
  const measures = await q.execute();
  if (measures.length === 0) return [];

  const rates = await db
    .selectFrom('rate as r')
    .innerJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.offer_id'),
    )
    .select(['r.offer_id', 'r.amount', 'r.valid_from', 'r.valid_to'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.valid_from', '<=', filter.to)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', filter.from)]))
    .execute();
  const ratesByOffer = new Map<string, RatePeriod[]>();
  for (const r of rates) {
    const list = ratesByOffer.get(r.offer_id) ?? [];
    list.push({ amount: r.amount, validFrom: r.valid_from, validTo: r.valid_to });
    ratesByOffer.set(r.offer_id, list);
  }

  const payments = await db
    .selectFrom('payment')
    .select(['measure_id', 'month', 'amount'])
    .where('tenant_id', '=', tenantId)
    .where('month', '>=', `${filter.from.slice(0, 7)}-01`)
    .where('month', '<=', filter.to)
    .execute();
  const paymentsByMeasure = new Map<string, Map<string, string>>();
  for (const p of payments) {
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
      rates: m.individual_amount
        ? [{ amount: m.individual_amount, validFrom: '1900-01-01', validTo: null }]
        : (ratesByOffer.get(m.offer_id ?? '') ?? []),
      approved: m.status === 'bewilligt',
      payments: paymentsByMeasure.get(m.id) ?? new Map(),
    },
  }));
}
