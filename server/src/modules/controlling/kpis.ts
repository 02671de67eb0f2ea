import type { AggregateMetric, FigureSource, Kpis } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { period, stichtag, youngInhabitants } from './figures.ts';
import { type ImportedValue, importedFigures, sourceOf } from './imported.ts';
import { firstOpenedOn } from './queries/figures.ts';
import { type Region, resolveRegion } from './regions.ts';
import { staffFigures } from './staffFigures.ts';

/**
 * The key figures of a region and year, as the dashboards, `leuchtturm kpi` and GET /controlling/kpis show them.
 * Where the region and year have records, figures are computed; otherwise imported aggregates fill in, marked as
 * such. Money as decimal strings; per young inhabitant to the cent; a ratio without a base is null ("not available").
 */
type Source = FigureSource;
type YearFigures = Omit<Kpis, 'growth'>;

const money = (value: Fraction) => value.toMoney();
const perJew = (amount: string | null, jew: number | null) =>
  amount === null || !jew ? null : money(Fraction.parse(amount).div(Fraction.int(jew)));
const ratio = (a: number, b: number | null, scale = 1) =>
  b ? Math.round((a / b) * scale * 100) / 100 : null;

/** The first year with records: before it, a region's figures come from imported aggregates. */
export async function firstRecordYear(db: Kysely<DB>, tenantId: string): Promise<number | null> {
  const first = await firstOpenedOn(db, tenantId);
  return first ? Number(first.slice(0, 4)) : null;
}

export async function yearKpis(
  db: Kysely<DB>,
  tenantId: string,
  regionKey: string,
  year: number,
  baseline?: number,
): Promise<Kpis> {
  const region = await resolveRegion(db, tenantId, regionKey);
  const first = await firstRecordYear(db, tenantId);
  const hasRecords = region.kind !== 'external' && first !== null && year >= first;
  const imported = await importedFigures(db, tenantId, [region.key, region.name], String(year));
  const figures = await computeYear(db, tenantId, region, year, hasRecords, imported);
  if (baseline === undefined) return figures;
  const base = await computeYear(
    db,
    tenantId,
    region,
    baseline,
    region.kind !== 'external' && first !== null && baseline >= first,
    await importedFigures(db, tenantId, [region.key, region.name], String(baseline)),
  );
  const growth = (now: string | number | null, then: string | number | null) =>
    now === null || then === null || Number(then) === 0
      ? null
      : Math.round((Number(now) / Number(then) - 1) * 10_000) / 100;
  return {
    ...figures,
    growth: {
      baseline,
      costsTotal: growth(figures.costs.total, base.costs.total),
      perJewTotal: growth(figures.perJew.total, base.perJew.total),
      densityPer1000: growth(figures.density?.per1000 ?? null, base.density?.per1000 ?? null),
      casesActive: growth(figures.cases.active, base.cases.active),
    },
  };
}

async function computeYear(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  year: number,
  hasRecords: boolean,
  importedFigures: Partial<Record<AggregateMetric, ImportedValue>>,
): Promise<YearFigures> {
  const imported = Object.fromEntries(
    Object.entries(importedFigures).map(([metric, v]) => [metric, v.value]),
  ) as Partial<Record<AggregateMetric, string>>;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inhabitants = await youngInhabitants(db, tenantId, region, year);
  const jewSource: Source = inhabitants.u21 > 0 ? 'computed' : sourceOf(importedFigures.jew_u21);
  const jew = inhabitants.u21 > 0 ? inhabitants.u21 : imported.jew_u21 ? Number(imported.jew_u21) : null;
  const jewU18 = inhabitants.u18 > 0 ? inhabitants.u18 : imported.jew_u18 ? Number(imported.jew_u18) : null;

  let costs:
    | { ambulant: string; stationaer: string; sonstige: string; total: string }
    | { ambulant: null; stationaer: null; sonstige: null; total: null };
  let costsSource: Source;
  let detail = null as null | Awaited<ReturnType<typeof period>>;
  let day = null as null | Awaited<ReturnType<typeof stichtag>>;
  if (hasRecords) {
    detail = await period(db, tenantId, region, from, to);
    day = await stichtag(db, tenantId, region, to);
    // The Senate's view reports teilstationär with ambulant.
    const ambulant = Fraction.parse(detail.costs.ambulant).add(Fraction.parse(detail.costs.teilstationaer));
    costs = {
      ambulant: money(ambulant),
      stationaer: detail.costs.stationaer,
      sonstige: detail.costs.sonstige,
      total: detail.costs.total,
    };
    costsSource = 'computed';
  } else if (imported.costs_ambulant || imported.costs_stationaer || imported.costs_sonstige) {
    const part = (v?: string) => Fraction.parse(v ?? '0');
    const total = part(imported.costs_ambulant)
      .add(part(imported.costs_stationaer))
      .add(part(imported.costs_sonstige));
    costs = {
      ambulant: money(part(imported.costs_ambulant)),
      stationaer: money(part(imported.costs_stationaer)),
      sonstige: money(part(imported.costs_sonstige)),
      total: money(total),
    };
    costsSource = sourceOf(
      importedFigures.costs_ambulant,
      importedFigures.costs_stationaer,
      importedFigures.costs_sonstige,
    );
  } else {
    costs = { ambulant: null, stationaer: null, sonstige: null, total: null };
    costsSource = 'none';
  }

  const active =
    day?.cases.active ??
    (imported.cases_beratung && imported.cases_kosten
      ? Number(imported.cases_beratung) + Number(imported.cases_kosten)
      : null);
  const kosten = day?.cases.kosten ?? (imported.cases_kosten ? Number(imported.cases_kosten) : null);
  const beratung = day?.cases.beratung ?? (imported.cases_beratung ? Number(imported.cases_beratung) : null);
  const hze = day?.measures.hze ?? (imported.measures_active ? Number(imported.measures_active) : null);
  const staff = await staffFigures(db, tenantId, region, year);
  const staffing = {
    sollVze: staff.sollVze,
    istVze: staff.istVze,
    casesPerVze: active === null || !staff.istVze ? null : ratio(active, staff.istVze),
  };
  return {
    region: { key: region.key, name: region.name, kind: region.kind },
    year,
    jew,
    jewU18,
    costs,
    costsDetail: detail?.costs ?? null,
    perJew: {
      ambulant: perJew(costs.ambulant, jew),
      stationaer: perJew(costs.stationaer, jew),
      sonstige: perJew(costs.sonstige, jew),
      total: perJew(costs.total, jew),
    },
    cases: {
      active,
      kosten,
      beratung,
      neu: detail?.newCases ?? (imported.cases_neu ? Number(imported.cases_neu) : null),
    },
    shareBeratung: active === null || beratung === null ? null : ratio(beratung, active, 100),
    measures: day ? { ...day.measures, byHelpType: day.byHelpType } : null,
    density:
      hze === null || !jew ? null : { per1000: ratio(hze, jew, 1000), per10000: ratio(hze, jew, 10_000) },
    inanspruchnahme:
      detail && jew
        ? {
            per10000: ratio(detail.helpsInUse, jew, 10_000),
            per10000Without28: ratio(detail.helpsInUseWithout28, jew, 10_000),
          }
        : null,
    ambulantStationaerRatio: day
      ? ratio(day.measures.ambulant + day.measures.teilstationaer, day.measures.stationaer)
      : null,
    medianDurationDays: detail?.medianDurationDays ?? null,
    intakesByRoute: detail?.intakesByRoute ?? null,
    shareCrisisAndThirdParty:
      detail && detail.newCases > 0
        ? ratio(detail.newCases - (detail.intakesByRoute.selbstmeldung ?? 0), detail.newCases, 100)
        : null,
    staffing,
    sources: {
      costs: costsSource,
      jew: jewSource,
      cases: hasRecords ? 'computed' : sourceOf(importedFigures.cases_beratung, importedFigures.cases_kosten),
      newCases: detail ? 'computed' : sourceOf(importedFigures.cases_neu),
      measures: day ? 'computed' : sourceOf(importedFigures.measures_active),
      staffing: staff.istSource,
    },
  };
}
