import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Imported aggregates: rows (region, period, metric, value) per tenant. */

export interface AggregateRow {
  region: string;
  period: string;
  metric: string;
  value: string;
}

/** Rows per statement: five parameters each, well below the protocol's 65,535. */
const CHUNK = 1_000;

/** Inserts or replaces the rows (distinct by region, period and metric), a thousand per statement. */
export async function upsertAggregates(
  db: Kysely<DB>,
  tenantId: string,
  rows: AggregateRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('aggregate')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ tenant_id: tenantId, ...r })))
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'region', 'period', 'metric'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), imported_at: new Date() })),
      )
      .execute();
  }
}

/** Every value of these region names in one calendar year (year, quarters, months and Stichtage). */
export function valuesOfYear(db: Kysely<DB>, tenantId: string, regionKeys: string[], year: number) {
  return db
    .selectFrom('aggregate')
    .select(['region', 'period', 'metric', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('region', 'in', regionKeys)
    .where('period', 'like', `${year}%`)
    .execute();
}

/** Every region's values of some metrics for one period. */
export function metricsOfPeriod(db: Kysely<DB>, tenantId: string, period: string, metrics: string[]) {
  return db
    .selectFrom('aggregate')
    .select(['region', 'metric', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('period', '=', period)
    .where('metric', 'in', metrics)
    .execute();
}

/** Every region name that imported aggregates use, sorted. */
export async function aggregateRegions(db: Kysely<DB>, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('aggregate')
    .select('region')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .orderBy('region')
    .execute();
  return rows.map((r) => r.region);
}

/** Regions with a value of one metric for any of these periods, sorted (e.g. the cities of the comparison). */
export async function regionsWithMetric(
  db: Kysely<DB>,
  tenantId: string,
  periods: string[],
  metric: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('aggregate')
    .select('region')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('period', 'in', periods)
    .where('metric', '=', metric)
    .orderBy('region')
    .execute();
  return rows.map((r) => r.region);
}

/** The earliest year any region has a value of one of these metrics (null: none imported). */
export async function firstYearWithMetrics(
  db: Kysely<DB>,
  tenantId: string,
  metrics: readonly string[],
): Promise<number | null> {
  const row = await db
    .selectFrom('aggregate')
    .select((eb) => eb.fn.min('period').as('first'))
    .where('tenant_id', '=', tenantId)
    .where('metric', 'in', [...metrics])
    .executeTakeFirst();
  return row?.first ? Number(String(row.first).slice(0, 4)) : null;
}
