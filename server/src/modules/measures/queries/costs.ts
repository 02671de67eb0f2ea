import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The rows the cost rule needs for many measures at once (costInputs.ts assembles them). */

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface CostFilter {
  from: string;
  to: string;
  measureIds?: string[];
  approvedOnly?: boolean;
  /** Only measures of cases of these districts or teams (a controlling region). */
  scope?: { column: 'district_id' | 'team_id'; ids: string[] } | null;
}

/** Measures that run at some time in [from, to], with the unit of their offer. */
export function listCostMeasures(db: Kysely<DB>, tenantId: string, filter: CostFilter) {
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
    q = q.where('m.id', 'in', filter.measureIds.length > 0 ? filter.measureIds : [NO_ID]);
  if (filter.approvedOnly) q = q.where('m.status', '=', 'bewilligt');
  const scope = filter.scope;
  if (scope) {
    // From the region's cases to their measures (both indexed), not from every measure to its case.
    q = q.where('m.case_id', 'in', (eb) =>
      eb
        .selectFrom('case_file as c')
        .select('c.id')
        .where('c.tenant_id', '=', tenantId)
        .where(`c.${scope.column}`, 'in', scope.ids.length > 0 ? scope.ids : [NO_ID]),
    );
  }
  return q.execute();
}

/** Every rate of the tenant valid at some time in [from, to]. */
export function listRatesInPeriod(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('rate as r')
    .innerJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.offer_id'),
    )
    .select(['r.offer_id', 'r.amount', 'r.valid_from', 'r.valid_to'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.valid_from', '<=', to)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', from)]))
    .execute();
}

/**
 * The recorded payments for a month that overlaps [from, to]: of the measures `filter` names or of the cases of its
 * scope when it has either (a region's figures need not read the whole city's payments), else every payment of the
 * tenant.
 */
export function listPaymentsInPeriod(db: Kysely<DB>, tenantId: string, filter: CostFilter) {
  let q = db
    .selectFrom('payment')
    .select(['measure_id', 'month', 'amount'])
    .where('tenant_id', '=', tenantId)
    .where('month', '>=', `${filter.from.slice(0, 7)}-01`)
    .where('month', '<=', filter.to);
  if (filter.measureIds)
    q = q.where('measure_id', 'in', filter.measureIds.length > 0 ? filter.measureIds : [NO_ID]);
  const scope = filter.scope;
  if (scope) {
    q = q.where('measure_id', 'in', (eb) =>
      eb
        .selectFrom('measure as m')
        .innerJoin('case_file as c', (j) =>
          j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
        )
        .select('m.id')
        .where('m.tenant_id', '=', tenantId)
        .where(`c.${scope.column}`, 'in', scope.ids.length > 0 ? scope.ids : [NO_ID]),
    );
  }
  return q.execute();
}
