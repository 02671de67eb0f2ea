import type { AggregateMetric, ControllingDefaults, CostYear } from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { firstRecordYear } from './kpis.ts';
import { firstYearWithMetrics } from './queries/aggregates.ts';

/**
 * Which years the steering figures start from. The ramp-up year (Einführungsjahr) is the year the first case was
 * opened in the system: its figures cover only the cases opened since then, so they are real but incomplete, and a
 * change measured from it shows the introduction of the system rather than a development ("2588,28 %").
 */

/** The window the charts open with, in calendar years. */
export const WINDOW_YEARS = 10;

/** Imported metrics that the charts draw (costs, cases, measures); population and staffing alone are not data. */
const chartMetrics: readonly AggregateMetric[] = [
  'costs_ambulant',
  'costs_stationaer',
  'costs_sonstige',
  'measures_active',
  'cases_beratung',
  'cases_kosten',
  'cases_neu',
];

export const isRampUpYear = (year: number, firstRecord: number | null) => year === firstRecord;

/**
 * The default baseline of a report ending in `to`: the first year of the cost table before `to` that has data
 * (records or imported figures) and is not the ramp-up year; null when the period has none.
 */
export function defaultBaseline(
  years: readonly Pick<CostYear, 'year' | 'source'>[],
  firstRecord: number | null,
  to: number,
): number | null {
  const year = years.find((y) => y.year < to && y.source !== 'none' && !isRampUpYear(y.year, firstRecord));
  return year?.year ?? null;
}

/**
 * The last full year (today in Berlin) and a window of WINDOW_YEARS ending there, shortened to start with the first
 * year with data when that is later.
 */
export function defaultWindow(
  today: string,
  firstRecord: number | null,
  firstImported: number | null,
): ControllingDefaults {
  const last = Number(today.slice(0, 4)) - 1;
  const known = [firstRecord, firstImported].filter((y): y is number => y !== null);
  const firstData = known.length > 0 ? Math.min(...known) : null;
  const from = Math.min(last, Math.max(last - (WINDOW_YEARS - 1), firstData ?? 0));
  return { from, to: last, year: last, firstRecordYear: firstRecord, firstDataYear: firstData };
}

export async function controllingDefaults(db: Kysely<DB>, tenantId: string): Promise<ControllingDefaults> {
  return defaultWindow(
    todayIso(),
    await firstRecordYear(db, tenantId),
    await firstYearWithMetrics(db, tenantId, chartMetrics),
  );
}
