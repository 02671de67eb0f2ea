import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { type CostMeasureRow, costInputsOf, loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { caseEvents, hzeEvents, measureIntervals } from './queries/series.ts';
import { caseScope, type Region } from './regions.ts';

/**
 * Time series for the dashboards, from a few range queries (not one query per quarter): active measures by
 * category and case types at each quarter's end, new cases per quarter, and costs (the cost rule) per year.
 */
export interface QuarterPoint {
  quarter: string;
  date: string;
  ambulant: number;
  teilstationaer: number;
  stationaer: number;
  sonstige: number;
  hze: number;
  casesActive: number;
  casesKosten: number;
  casesBeratung: number;
  casesNeu: number;
}

const quarterLabel = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarter end on or after a date: the first quarter-end Stichtag that a day counts for. */
function quarterEndOf(date: string): string {
  const y = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return `${y}-${['03-31', '06-30', '09-30', '12-31'][q]}`;
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Counts at every quarter end by sweeping: something active from a to b (inclusive) counts at a quarter end D
 * when a ≤ D and b ≥ D, i.e. +1 from quarterEnd(a) on and -1 from quarterEnd(b + 1 day) on. The database groups
 * the begins and ends by quarter; no row is compared with every date.
 */
function sweep(
  points: QuarterPoint[],
  events: Map<string, number>,
  set: (p: QuarterPoint, n: number) => void,
) {
  let running = 0;
  const keys = [...events.keys()].sort();
  let k = 0;
  for (const p of points) {
    while (k < keys.length && (keys[k] as string) <= p.date) running += events.get(keys[k++] as string) ?? 0;
    set(p, running);
  }
}

/** What the quarterly series and the cost table of a region are computed from: two range queries. */
export async function seriesRows(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
) {
  const from = `${fromYear}-01-01`;
  const to = `${toYear}-12-31`;
  const cases = await caseEvents(db, tenantId, region, from, to);
  // The region's approved measures of the range, once: the measure counts, the Kostenfälle and the costs
  // (costsByYear) all come from them.
  const intervals = await measureIntervals(db, tenantId, region, from, to);
  return { cases, intervals };
}
export type SeriesRows = Awaited<ReturnType<typeof seriesRows>>;

export async function quarterly(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
  rows?: SeriesRows,
): Promise<QuarterPoint[]> {
  const { cases, intervals } = rows ?? (await seriesRows(db, tenantId, region, fromYear, toYear));
  const points = emptyPoints(fromYear, toYear);
  // +1 at the quarter end of a begin, -1 at the quarter end after an end, per category and for HzE. A measure that
  // ended before the range is not among the rows: both its events fall on or before the first quarter end, where
  // they cancel.
  const bump = (events: Map<string, number>, at: string, delta: number) =>
    events.set(at, (events.get(at) ?? 0) + delta);
  const byCategory = new Map<string, Map<string, number>>();
  const hze = new Map<string, number>();
  for (const r of intervals) {
    const events = byCategory.get(r.category) ?? new Map<string, number>();
    byCategory.set(r.category, events);
    const begin = quarterEndOf(r.begin_on);
    const end = r.end_on === null ? null : quarterEndOf(dayAfter(r.end_on));
    for (const map of r.is_hze ? [events, hze] : [events]) {
      bump(map, begin, 1);
      if (end !== null) bump(map, end, -1);
    }
  }
  for (const category of ['ambulant', 'teilstationaer', 'stationaer', 'sonstige'] as const) {
    sweep(points, byCategory.get(category) ?? new Map(), (p, n) => {
      p[category] = n;
    });
  }
  sweep(points, hze, (p, n) => {
    p.hze = n;
  });
  const active = new Map<string, number>();
  const byQuarter = new Map(points.map((p) => [p.date, p]));
  for (const e of cases) {
    active.set(e.at, (active.get(e.at) ?? 0) + e.delta);
    const p = byQuarter.get(e.at);
    if (p) p.casesNeu += e.opened;
  }
  sweep(points, active, (p, n) => {
    p.casesActive = n;
  });
  const kosten = new Map<string, number>();
  const add = (at: string, delta: number) => kosten.set(at, (kosten.get(at) ?? 0) + delta);
  let current: { caseId: string; a: string; b: string | null } | null = null;
  const close = () => {
    if (!current) return;
    add(quarterEndOf(current.a), 1);
    if (current.b !== null) add(quarterEndOf(dayAfter(current.b)), -1);
  };
  for (const r of intervals) {
    const a = [r.begin_on, r.opened_on].sort()[1] as string; // the later of two ISO dates
    const caseEnd = r.closed_on;
    const b = r.end_on === null ? caseEnd : caseEnd === null || r.end_on < caseEnd ? r.end_on : caseEnd;
    if (b !== null && b < a) continue;
    // Merge overlapping or touching intervals of the same case.
    if (current && current.caseId === r.case_id && (current.b === null || dayAfter(current.b) >= a)) {
      if (current.b !== null && (b === null || b > current.b)) current.b = b;
      continue;
    }
    close();
    current = { caseId: r.case_id, a, b };
  }
  close();
  sweep(points, kosten, (p, n) => {
    p.casesKosten = n;
    p.casesBeratung = p.casesActive - n;
  });
  return points;
}

/**
 * Active HzE measures at each quarter end, and nothing else: the city line of the density chart, which every
 * region's dashboard shows and which must not cost a full city series.
 */
export async function hzeByQuarter(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
) {
  const to = `${toYear}-12-31`;
  const events = await hzeEvents(db, tenantId, region, to);
  const totals = new Map<string, number>();
  for (const e of events) totals.set(e.at, (totals.get(e.at) ?? 0) + e.delta);
  const points = emptyPoints(fromYear, toYear);
  sweep(points, totals, (p, n) => {
    p.hze = n;
  });
  return points.map((p) => ({ date: p.date, hze: p.hze }));
}

function emptyPoints(fromYear: number, toYear: number): QuarterPoint[] {
  const points: QuarterPoint[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const md of ['03-31', '06-30', '09-30', '12-31']) {
      const date = `${y}-${md}`;
      points.push({
        quarter: quarterLabel(date),
        date,
        ambulant: 0,
        teilstationaer: 0,
        stationaer: 0,
        sonstige: 0,
        hze: 0,
        casesActive: 0,
        casesKosten: 0,
        casesBeratung: 0,
        casesNeu: 0,
      });
    }
  }
  return points;
}

export interface YearCosts {
  year: number;
  ambulant: string;
  teilstationaer: string;
  stationaer: string;
  sonstige: string;
  total: string;
}

/**
 * Costs per year and category: the measures of the whole range are loaded once (or given: the rows of seriesRows,
 * the same measures) and each year costed by the rule.
 */
export async function costsByYear(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
  measures?: readonly CostMeasureRow[],
): Promise<YearCosts[]> {
  const filter = {
    from: `${fromYear}-01-01`,
    to: `${toYear}-12-31`,
    approvedOnly: true,
    scope: caseScope(region),
  };
  const inputs = measures
    ? await costInputsOf(db, tenantId, filter, measures)
    : await loadCostInputs(db, tenantId, filter);
  const result: YearCosts[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const cents: Record<string, bigint> = { ambulant: 0n, teilstationaer: 0n, stationaer: 0n, sonstige: 0n };
    for (const i of inputs) {
      if (i.measure.begin > to || (i.measure.end !== null && i.measure.end < from)) continue;
      cents[i.category] = (cents[i.category] ?? 0n) + exactCost(i.measure, from, to).toCents();
    }
    const m = (c: bigint | undefined) => new Fraction(c ?? 0n, 100n).toMoney();
    const total = Object.values(cents).reduce((a, b) => a + b, 0n);
    result.push({
      year,
      ambulant: m(cents.ambulant),
      teilstationaer: m(cents.teilstationaer),
      stationaer: m(cents.stationaer),
      sonstige: m(cents.sonstige),
      total: m(total),
    });
  }
  return result;
}
