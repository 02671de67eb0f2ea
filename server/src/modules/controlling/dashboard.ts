import type { CostYear, Dashboard, DistrictFigure, FigureSource } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { cachedFigures } from './cache.ts';
import { importedFigures, sourceOf } from './imported.ts';
import { presentCostYear, presentDistrictFigure, presentQuarter } from './presenter.ts';
import { dashboardContext } from './queries/dashboard.ts';
import { activeHzeByDistrict, caseDistricts } from './queries/figures.ts';
import { districtRows } from './queries/organisation.ts';
import { youngInhabitantsByDistrict } from './queries/population.ts';
import { measureIntervals } from './queries/series.ts';
import { resolveRegionAndCity } from './regions.ts';
import { costsByYear, hzeByQuarter, quarterly } from './series.ts';

/**
 * What the controlling dashboard shows for a region and a range of years: density against the city by quarter,
 * measures and case types over time, and the cost table per year (total and per young inhabitant, ambulant /
 * stationär / sonstige as the Senate reports them, teilstationär with ambulant). Aggregates only.
 */
export async function dashboard(
  db: Kysely<DB>,
  tenantId: string,
  regionKey: string,
  fromYear: number,
  toYear: number,
  /** The data version the figure cache read (service.ts), handed to the city line's entry; else read. */
  version?: number,
): Promise<Dashboard> {
  const { region, city } = await resolveRegionAndCity(db, tenantId, regionKey);
  const from = `${fromYear}-01-01`;
  const to = `${toYear}-12-31`;
  // Three reads that do not depend on each other, sent at once (the figures use the pool, not a transaction, so on
  // PostgreSQL they run side by side): the case events, the young inhabitants of the region and of the city and the
  // first year with records (one statement); the region's approved measures with the rates and payments their
  // costs need (the counts, the Kostenfälle and the costs come from those rows); and the city line of the density
  // chart, computed once per state of the records.
  const [context, { intervals, costs }, cityPoints] = await Promise.all([
    dashboardContext(db, tenantId, region, city, fromYear, toYear),
    measureIntervals(db, tenantId, region, from, to).then(async (intervals) => ({
      intervals,
      costs: await costsByYear(db, tenantId, region, fromYear, toYear, intervals),
    })),
    region.kind === 'city'
      ? null
      : cachedFigures(
          db,
          tenantId,
          ['city-hze', fromYear, toYear],
          () => hzeByQuarter(db, tenantId, city, fromYear, toYear),
          version === undefined ? undefined : { version },
        ),
  ]);
  const points = await quarterly(db, tenantId, region, fromYear, toYear, {
    cases: context.caseEvents,
    intervals,
  });
  const jew = context.jew.region;
  const cityJew = context.jew.city;
  const quarters = points.map((p, i) => {
    const year = Number(p.date.slice(0, 4));
    return presentQuarter(p, jew.get(year), cityPoints?.[i]?.hze ?? p.hze, cityJew.get(year));
  });

  const first =
    region.kind === 'external' || context.first === null ? null : Number(context.first.slice(0, 4));
  const years: CostYear[] = [];
  for (const c of costs) {
    let inhabitants = jew.get(c.year) ?? null;
    let source: FigureSource = 'computed';
    let parts = {
      ambulant: Fraction.parse(c.ambulant).add(Fraction.parse(c.teilstationaer)),
      stationaer: Fraction.parse(c.stationaer),
      sonstige: Fraction.parse(c.sonstige),
    };
    if (c.total === '0.00') {
      // No records for the year: imported figures (years before the system) fill in, marked as such.
      const imported = await importedFigures(db, tenantId, [region.key, region.name], String(c.year));
      const { costs_ambulant: a, costs_stationaer: s, costs_sonstige: o } = imported;
      if (a || s || o) {
        source = sourceOf(a, s, o);
        parts = {
          ambulant: Fraction.parse(a?.value ?? '0'),
          stationaer: Fraction.parse(s?.value ?? '0'),
          sonstige: Fraction.parse(o?.value ?? '0'),
        };
        inhabitants ??= imported.jew_u21 ? Number(imported.jew_u21.value) : null;
      }
    }
    // Neither records nor imports for the year: not available, rather than a computed zero.
    const none = source === 'computed' && (first === null || c.year < first);
    years.push(presentCostYear(c.year, none ? 'none' : source, inhabitants, none ? null : parts));
  }
  return {
    region: { key: region.key, name: region.name, kind: region.kind },
    fromYear,
    toYear,
    quarters,
    years,
  };
}

/** One figure for every Stadtteil (the map): density per 1,000 JEW on 31 Dec and costs per JEW of the year. */
export async function districtFigures(
  db: Kysely<DB>,
  tenantId: string,
  year: number,
): Promise<DistrictFigure[]> {
  const from = `${year}-01-01`;
  const date = `${year}-12-31`;
  const districts = await districtRows(db, tenantId);
  const active = await activeHzeByDistrict(db, tenantId, date);
  const jew = await youngInhabitantsByDistrict(db, tenantId, year);
  const inputs = await loadCostInputs(db, tenantId, { from, to: date, approvedOnly: true });
  // The districts of the cases with costs only, not of every case of the city.
  const caseDistrict =
    inputs.length === 0
      ? new Map<string, string | null>()
      : await caseDistricts(db, tenantId, [...new Set(inputs.map((i) => i.caseId))]);
  const cents = new Map<string, bigint>();
  for (const i of inputs) {
    const d = caseDistrict.get(i.caseId);
    if (d) cents.set(d, (cents.get(d) ?? 0n) + exactCost(i.measure, from, date).toCents());
  }
  return districts.map((d) =>
    presentDistrictFigure(d, jew.get(d.id) ?? 0, active.get(d.id) ?? 0, cents.get(d.id) ?? 0n),
  );
}
