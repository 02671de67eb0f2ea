import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { importedValues } from './aggregates.ts';
import { cachedFigures } from './cache.ts';
import { firstRecordYear } from './kpis.ts';
import { resolveRegion } from './regions.ts';
import { costsByYear, hzeByQuarter, jewByYear, quarterly } from './series.ts';

/**
 * What the controlling dashboard shows for a region and a range of years: density against the city by quarter,
 * measures and case types over time, and the cost table per year (total and per young inhabitant, ambulant /
 * stationär / sonstige as the Senate reports them, teilstationär with ambulant). Aggregates only.
 */
const per = (count: number, base: number | undefined, scale: number) =>
  base ? Math.round((count / base) * scale * 100) / 100 : null;

export async function dashboard(
  db: Kysely<DB>,
  tenantId: string,
  regionKey: string,
  fromYear: number,
  toYear: number,
) {
  const region = await resolveRegion(db, tenantId, regionKey);
  const city = await resolveRegion(db, tenantId, 'stadt');
  const [points, cityPoints, jew, cityJew, costs] = [
    await quarterly(db, tenantId, region, fromYear, toYear),
    region.kind === 'city'
      ? null
      : await cachedFigures(db, tenantId, `hze|city|${fromYear}|${toYear}`, () =>
          hzeByQuarter(db, tenantId, city, fromYear, toYear),
        ),
    await jewByYear(db, tenantId, region, fromYear, toYear),
    region.kind === 'city' ? null : await jewByYear(db, tenantId, city, fromYear, toYear),
    await costsByYear(db, tenantId, region, fromYear, toYear),
  ];
  const quarters = points.map((p, i) => {
    const year = Number(p.date.slice(0, 4));
    const cityPoint = cityPoints?.[i] ?? p;
    return {
      quarter: p.quarter,
      date: p.date,
      densityPer1000: per(p.hze, jew.get(year), 1000),
      cityDensityPer1000: per(cityPoint.hze, (cityJew ?? jew).get(year), 1000),
      ambulant: p.ambulant + p.teilstationaer,
      stationaer: p.stationaer,
      sonstige: p.sonstige,
      casesKosten: p.casesKosten,
      casesBeratung: p.casesBeratung,
      casesNeu: p.casesNeu,
    };
  });
  const first = region.kind === 'external' ? null : await firstRecordYear(db, tenantId);
  const years: {
    year: number;
    source: 'computed' | 'imported' | 'none';
    jew: number | null;
    ambulant: string | null;
    stationaer: string | null;
    sonstige: string | null;
    total: string | null;
    perJewAmbulant: string | null;
    perJewStationaer: string | null;
    perJewSonstige: string | null;
    perJewTotal: string | null;
  }[] = [];
  for (const c of costs) {
    let inhabitants = jew.get(c.year) ?? null;
    let source: 'computed' | 'imported' | 'none' = 'computed';
    let row = {
      ambulant: Fraction.parse(c.ambulant).add(Fraction.parse(c.teilstationaer)),
      stationaer: Fraction.parse(c.stationaer),
      sonstige: Fraction.parse(c.sonstige),
    };
    if (c.total === '0.00') {
      // No records for the year: imported figures (years before the system) fill in, marked as such.
      const imported = await importedValues(db, tenantId, [region.key, region.name], String(c.year));
      if (imported.costs_ambulant || imported.costs_stationaer || imported.costs_sonstige) {
        source = 'imported';
        row = {
          ambulant: Fraction.parse(imported.costs_ambulant ?? '0'),
          stationaer: Fraction.parse(imported.costs_stationaer ?? '0'),
          sonstige: Fraction.parse(imported.costs_sonstige ?? '0'),
        };
        inhabitants ??= imported.jew_u21 ? Number(imported.jew_u21) : null;
      }
    }
    const total = row.ambulant.add(row.stationaer).add(row.sonstige);
    const perJew = (v: Fraction) => (inhabitants ? v.div(Fraction.int(inhabitants)).toMoney() : null);
    if (source === 'computed' && (first === null || c.year < first)) {
      // Neither records nor imports for the year: not available, rather than a computed zero.
      years.push({
        year: c.year,
        source: 'none' as const,
        jew: inhabitants,
        ambulant: null,
        stationaer: null,
        sonstige: null,
        total: null,
        perJewAmbulant: null,
        perJewStationaer: null,
        perJewSonstige: null,
        perJewTotal: null,
      });
      continue;
    }
    years.push({
      year: c.year,
      source,
      jew: inhabitants,
      ambulant: row.ambulant.toMoney(),
      stationaer: row.stationaer.toMoney(),
      sonstige: row.sonstige.toMoney(),
      total: total.toMoney(),
      perJewAmbulant: perJew(row.ambulant),
      perJewStationaer: perJew(row.stationaer),
      perJewSonstige: perJew(row.sonstige),
      perJewTotal: perJew(total),
    });
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
export async function districtFigures(db: Kysely<DB>, tenantId: string, year: number) {
  const date = `${year}-12-31`;
  const districts = await db
    .selectFrom('district')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const active = await sql<{ district_id: string; n: number }>`
    select c.district_id, count(*)::int as n from measure m
    join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
    where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and h.is_hze and m.begin_on <= ${date}::date
      and (m.end_on is null or m.end_on >= ${date}::date)
    group by 1`.execute(db);
  const jew = await db
    .selectFrom('population')
    .select(['district_id', sql<number>`sum(residents)::int`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .groupBy('district_id')
    .execute();
  const inputs = await loadCostInputs(db, tenantId, { from: `${year}-01-01`, to: date, approvedOnly: true });
  const caseDistrict = new Map(
    inputs.length === 0
      ? []
      : (
          await sql<{
            id: string;
            district_id: string | null;
          }>`select id, district_id from case_file where tenant_id = ${tenantId}`.execute(db)
        ).rows.map((r) => [r.id, r.district_id]),
  );
  const cents = new Map<string, bigint>();
  for (const i of inputs) {
    const d = caseDistrict.get(i.caseId);
    if (d) cents.set(d, (cents.get(d) ?? 0n) + exactCost(i.measure, `${year}-01-01`, date).toCents());
  }
  const activeBy = new Map(active.rows.map((r) => [r.district_id, r.n]));
  const jewBy = new Map(jew.map((r) => [r.district_id, Number(r.n)]));
  return districts.map((d) => {
    const inhabitants = jewBy.get(d.id) ?? 0;
    return {
      code: d.code,
      name: d.name,
      jew: inhabitants,
      activeHze: activeBy.get(d.id) ?? 0,
      densityPer1000: per(activeBy.get(d.id) ?? 0, inhabitants, 1000),
      costs: new Fraction(cents.get(d.id) ?? 0n, 100n).toMoney(),
      perJewTotal: inhabitants
        ? new Fraction(cents.get(d.id) ?? 0n, 100n).div(Fraction.int(inhabitants)).toMoney()
        : null,
    };
  });
}
