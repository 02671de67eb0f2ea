import type { Dashboard, KpisQuery, RegionPeriodQuery, ReportQuery, TableExport } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { cachedFigures } from './cache.ts';
import { dashboard, districtFigures } from './dashboard.ts';
import { firstRecordYear, yearKpis } from './kpis.ts';
import { controllingDefaults, defaultBaseline } from './period.ts';
import { presentOutlines } from './presenter.ts';
import { publicationCsv, WITHHELD } from './publication.ts';
import { PUBLICATION_SET_KEYS, publicationSetCsv, publishedSet, withoutDistrict } from './publicationSet.ts';
import { districtRows, outlineRows, tenantName } from './queries/organisation.ts';
import { comparison, listRegions } from './regionList.ts';
import { CITY } from './regions.ts';
import { targetsSection } from './rentabReport.ts';
import { controllingReport } from './report.ts';
import { staffReference } from './staffing.ts';
import { steering } from './steering.ts';

/**
 * What the controlling routes call. Controlling is aggregates only (counts, sums, ratios; never a person or a
 * case), so reads are not audited; exports are, like every export: what was exported with which parameters.
 * Figures are cached per state of the records (cache.ts); a region is keyed exactly as asked: "NH" and
 * "Nordhafen" are two entries of the same figures, and an external region's name is matched case-sensitively.
 */

export { listRegions };

export function kpis(db: Kysely<DB>, tenantId: string, q: KpisQuery) {
  return cachedFigures(db, tenantId, ['kpis', q.region, q.year, q.baseline ?? null], () =>
    yearKpis(db, tenantId, q.region, q.year, q.baseline),
  );
}

export function regionDashboard(db: Kysely<DB>, tenantId: string, q: RegionPeriodQuery) {
  return cachedFigures(db, tenantId, ['dashboard', q.region, q.from, q.to], (version) =>
    dashboard(db, tenantId, q.region, q.from, q.to, version),
  );
}

export function districts(db: Kysely<DB>, tenantId: string, year: number) {
  return cachedFigures(db, tenantId, ['districts', year], () => districtFigures(db, tenantId, year));
}

export function cityComparison(db: Kysely<DB>, tenantId: string, year: number) {
  return cachedFigures(db, tenantId, ['comparison', year], () => comparison(db, tenantId, year));
}

export function staffing(db: Kysely<DB>, tenantId: string, year: number, totalSoll?: number) {
  return cachedFigures(db, tenantId, ['staffing', year, totalSoll ?? null], () =>
    staffReference(db, tenantId, year, totalSoll),
  );
}

export async function districtOutlines(db: Kysely<DB>, tenantId: string) {
  return presentOutlines(await outlineRows(db, tenantId));
}

/**
 * The quarterly figures for publication (CSV), audited as an export. `alle` gives the city and every Stadtteil
 * (and the cases without one) suppressed together; the city or a single Stadtteil gives its rows of that same set,
 * so that files published one by one still fit together safely. Other regions are suppressed per file.
 */
export async function publicationExport(ctx: Ctx, q: RegionPeriodQuery) {
  const tenantId = ctx.actor.tenantId;
  const all = PUBLICATION_SET_KEYS.includes(q.region.trim().toLowerCase());
  const data = all ? null : await regionDashboard(ctx.db, tenantId, q);
  let csv: string;
  let rows: number;
  if (data && data.region.kind !== 'city' && data.region.kind !== 'district') {
    csv = publicationCsv(data);
    rows = data.quarters.length;
  } else {
    const set = publishedSet(await publicationSetInput(ctx.db, tenantId, q.from, q.to));
    const mine = data ? set.filter((r) => r.key === data.region.key) : set;
    csv = publicationSetCsv(mine);
    rows = mine.length;
  }
  const regionKey = data ? data.region.key : PUBLICATION_SET_KEYS[0];
  await ctx.audit({
    action: 'export',
    entityType: 'controlling_publication',
    details: { region: regionKey, from: q.from, to: q.to, format: 'csv', rows },
  });
  return { csv, regionKey };
}

/** The city, its Stadtteile and the cases without a Stadtteil (when there are any), quarter by quarter. */
async function publicationSetInput(db: Kysely<DB>, tenantId: string, from: number, to: number) {
  const period = { from, to };
  const asRegion = (d: Dashboard) => ({ key: d.region.key, name: d.region.name, quarters: d.quarters });
  const city = asRegion(await regionDashboard(db, tenantId, { region: CITY, ...period }));
  const parts = [];
  for (const d of await districtRows(db, tenantId)) {
    parts.push(asRegion(await regionDashboard(db, tenantId, { region: d.code, ...period })));
  }
  const rest = parts.length === 0 ? null : withoutDistrict(city, parts);
  return { total: city, parts: rest ? [...parts, rest] : parts };
}

/**
 * The years whose density on 31 Dec the publication set withholds: for the city always, for a Stadtteil its own
 * (other regions are not in the set: their report applies rule 2 on its own). The report then never shows a
 * density that the CSV of the same figures withholds.
 */
async function withheldYearEnds(
  db: Kysely<DB>,
  tenantId: string,
  region: Dashboard['region'],
  from: number,
  to: number,
) {
  const set = publishedSet(await publicationSetInput(db, tenantId, from, to));
  const years = (key: string) =>
    new Set(
      set
        .filter((r) => r.key === key && r.quarter.endsWith('Q4') && r.cells[0] === WITHHELD)
        .map((r) => Number(r.quarter.slice(0, 4))),
    );
  const inSet = region.kind === 'city' || region.kind === 'district';
  return { region: inSet ? years(region.key) : new Set<number>(), city: years(CITY) };
}

/**
 * The committee report of a region (PDF), audited as an export. Changes are measured from the asked baseline, or
 * from the first full year with data in the period that is not the ramp-up year (period.ts).
 */
export async function reportExport(ctx: Ctx, q: ReportQuery) {
  const tenantId = ctx.actor.tenantId;
  const data = await regionDashboard(ctx.db, tenantId, q);
  const firstRecord = await firstRecordYear(ctx.db, tenantId);
  const baseline = q.baseline ?? defaultBaseline(data.years, firstRecord, q.to) ?? undefined;
  const k = await kpis(ctx.db, tenantId, { region: q.region, year: q.to, baseline });
  const base =
    baseline === undefined ? null : await kpis(ctx.db, tenantId, { region: q.region, year: baseline });
  const office = await tenantName(ctx.db, tenantId);
  const targets = targetsSection(await steering(ctx.db, tenantId, { region: q.region, year: q.to }));
  const withheld = await withheldYearEnds(
    ctx.db,
    tenantId,
    data.region,
    Math.min(q.from, baseline ?? q.from),
    q.to,
  );
  const pdf = await controllingReport({
    office,
    data,
    k,
    base,
    firstRecordYear: firstRecord,
    targets,
    withheld,
  });
  await ctx.audit({
    action: 'export',
    entityType: 'controlling_report',
    details: { region: data.region.key, from: q.from, to: q.to, baseline: baseline ?? null, format: 'pdf' },
  });
  return pdf;
}

/** The period and Stichtag year the steering page opens with. */
export function defaultPeriod(db: Kysely<DB>, tenantId: string) {
  return controllingDefaults(db, tenantId);
}

/**
 * A figure table the web app wrote as CSV or XLSX from figures it had already received: recorded before the file
 * is written, so that the trail shows every controlling export whether the server or the browser builds the file.
 */
export async function recordTableExport(ctx: Ctx, e: TableExport) {
  const { table, format, ...parameters } = e;
  await ctx.audit({
    action: 'export',
    entityType: 'controlling_table',
    details: { table, format, ...parameters },
  });
}
