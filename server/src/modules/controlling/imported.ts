import type { AggregateMetric } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { valuesOfYear } from './queries/aggregates.ts';

/**
 * The one reader of imported aggregates (docs/controlling-imports.md). Every figure that falls back on imported
 * values asks here, so the rules hold everywhere:
 * - Flow metrics (money spent, new cases, ended measures) happen over a period: a year is its own row or the sum of
 *   its four quarters, a quarter its own row or the sum of its three months. A year with a quarter missing is not
 *   available rather than too small.
 * - Stock metrics (active measures and cases, staff, young inhabitants, the SGB II share) are counted on a day:
 *   the row for that Stichtag, and for a year, quarter or month the row of the period itself or of its last day.
 * A value read as given is `imported`; one added up from parts is `derived`.
 */

export const flowMetrics: ReadonlySet<string> = new Set([
  'costs_ambulant',
  'costs_stationaer',
  'costs_sonstige',
  'cases_neu',
  'measures_ended',
  'extra_costs',
]);

export interface ImportedValue {
  value: string;
  source: 'imported' | 'derived';
}

/** The values of one metric of one region, by period as imported ("2024", "2024-Q1", "2024-03", "2024-12-31"). */
export type PeriodValues = ReadonlyMap<string, string>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The months of a quarter ("2024-Q2" → 2024-04, -05, -06). */
const monthsOf = (year: number, quarter: number) =>
  [1, 2, 3].map((i) => `${year}-${pad((quarter - 1) * 3 + i)}`);

function sum(values: (string | null)[]): string | null {
  if (values.some((v) => v === null)) return null;
  return (values as string[]).reduce((a, v) => a.add(Fraction.parse(v)), Fraction.zero).toMoney();
}

/** A flow over a quarter or year added up from its parts only (null: a part is missing). */
export function flowFromParts(values: PeriodValues, period: string): string | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return sum(monthsOf(Number(quarter[1]), Number(quarter[2])).map((m) => values.get(m) ?? null));
  if (/^\d{4}$/.test(period)) {
    return sum([1, 2, 3, 4].map((q) => resolveFlow(values, `${period}-Q${q}`)?.value ?? null));
  }
  return null;
}

function resolveFlow(values: PeriodValues, period: string): ImportedValue | null {
  const own = values.get(period);
  if (own !== undefined) return { value: own, source: 'imported' };
  const derived = flowFromParts(values, period);
  return derived === null ? null : { value: derived, source: 'derived' };
}

/** The Stichtag a stock of a period is counted on: its last day. */
export function stichtagOf(period: string): string | null {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return lastDayOfMonth(Number(quarter[1]), Number(quarter[2]) * 3);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return lastDayOfMonth(Number(month[1]), Number(month[2]));
  return null;
}

function resolveStock(values: PeriodValues, period: string): ImportedValue | null {
  const own = values.get(period);
  if (own !== undefined) return { value: own, source: 'imported' };
  const day = stichtagOf(period);
  if (day !== null && values.has(day)) return { value: values.get(day) as string, source: 'imported' };
  // A Stichtag on 31 Dec is the year's.
  const year = /^(\d{4})-12-31$/.exec(period);
  if (year?.[1] && values.has(year[1])) return { value: values.get(year[1]) as string, source: 'imported' };
  return null;
}

/** One metric for one period by the rules above, from the values of that metric. */
export function resolveImported(metric: string, values: PeriodValues, period: string): ImportedValue | null {
  return flowMetrics.has(metric) ? resolveFlow(values, period) : resolveStock(values, period);
}

/**
 * Imported figures of a region (any of its names, the first that has a value wins) for a year, quarter, month or
 * Stichtag, with where each comes from.
 */
export async function importedFigures(
  db: Kysely<DB>,
  tenantId: string,
  regionKeys: string[],
  period: string,
): Promise<Partial<Record<AggregateMetric, ImportedValue>>> {
  const rows = await valuesOfYear(db, tenantId, regionKeys, Number(period.slice(0, 4)));
  const byMetric = new Map<string, Map<string, string>>();
  for (const key of regionKeys) {
    for (const r of rows) {
      if (r.region !== key) continue;
      const values = byMetric.get(r.metric) ?? new Map<string, string>();
      if (!values.has(r.period)) values.set(r.period, r.value);
      byMetric.set(r.metric, values);
    }
  }
  const result: Partial<Record<AggregateMetric, ImportedValue>> = {};
  for (const [metric, values] of byMetric) {
    const found = resolveImported(metric, values, period);
    if (found) result[metric as AggregateMetric] = found;
  }
  return result;
}

/** The values alone (the older reader's shape, which the rest of controlling reads). */
export async function importedValues(
  db: Kysely<DB>,
  tenantId: string,
  regionKeys: string[],
  period: string,
): Promise<Partial<Record<AggregateMetric, string>>> {
  const figures = await importedFigures(db, tenantId, regionKeys, period);
  return Object.fromEntries(Object.entries(figures).map(([metric, v]) => [metric, v.value]));
}

/** The source of a figure made of imported values: derived when any part was. */
export function sourceOf(...values: (ImportedValue | undefined)[]): 'imported' | 'derived' | 'none' {
  const present = values.filter((v): v is ImportedValue => v !== undefined);
  if (present.length === 0) return 'none';
  return present.some((v) => v.source === 'derived') ? 'derived' : 'imported';
}
