import type {
  CostYear,
  DistrictFigure,
  DistrictOutlines,
  FigureSource,
  QuarterPoint as QuarterRow,
  RegionEntry,
} from '@leuchtturm/shared';
import { Fraction } from '../../shared/money.ts';
import type { QuarterPoint } from './series.ts';

/**
 * Shapes controlling's answers (packages/shared/src/controlling.ts) from rows and computed figures: only the
 * listed fields leave, money as exact decimal strings, ratios rounded to two decimals.
 */

/** count per base × scale, to two decimals; null without a base ("not available" rather than a division by 0). */
export const per = (count: number, base: number | undefined | null, scale: number) =>
  base ? Math.round((count / base) * scale * 100) / 100 : null;

export function presentRegions(
  centres: { code: string; name: string }[],
  teams: { name: string }[],
  districts: { code: string; name: string }[],
  external: string[],
): RegionEntry[] {
  return [
    { key: 'stadt', name: 'Stadt (gesamt)', kind: 'city' },
    ...centres.map((c) => ({ key: c.code, name: c.name, kind: 'centre' as const })),
    ...teams.map((t) => ({ key: t.name, name: t.name, kind: 'team' as const })),
    ...districts.map((d) => ({ key: d.code, name: d.name, kind: 'district' as const })),
    ...external.map((r) => ({ key: r, name: r, kind: 'external' as const })),
  ];
}

type Geometry = DistrictOutlines['features'][number]['geometry'];
const isPolygon = (g: unknown): g is Geometry =>
  typeof g === 'object' &&
  g !== null &&
  ((g as Geometry).type === 'Polygon' || (g as Geometry).type === 'MultiPolygon') &&
  Array.isArray((g as Geometry).coordinates);

/** The outlines as a GeoJSON FeatureCollection; anything that is not a (multi)polygon is left out. */
export function presentOutlines(rows: { code: string; name: string; outline: unknown }[]): DistrictOutlines {
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((r) =>
      isPolygon(r.outline)
        ? [{ type: 'Feature' as const, properties: { code: r.code, name: r.name }, geometry: r.outline }]
        : [],
    ),
  };
}

export function presentDistrictFigure(
  district: { code: string; name: string },
  inhabitants: number,
  activeHze: number,
  cents: bigint,
): DistrictFigure {
  const costs = new Fraction(cents, 100n);
  return {
    code: district.code,
    name: district.name,
    jew: inhabitants,
    activeHze,
    densityPer1000: per(activeHze, inhabitants, 1000),
    costs: costs.toMoney(),
    perJewTotal: inhabitants ? costs.div(Fraction.int(inhabitants)).toMoney() : null,
  };
}

/** A quarter of the dashboard: the region's point, density against its JEW and the city's HzE against the city's. */
export function presentQuarter(
  point: QuarterPoint,
  jew: number | undefined,
  cityHze: number,
  cityJew: number | undefined,
): QuarterRow {
  return {
    quarter: point.quarter,
    date: point.date,
    densityPer1000: per(point.hze, jew, 1000),
    cityDensityPer1000: per(cityHze, cityJew, 1000),
    hze: point.hze,
    // The Senate's view reports teilstationär with ambulant.
    ambulant: point.ambulant + point.teilstationaer,
    stationaer: point.stationaer,
    sonstige: point.sonstige,
    casesKosten: point.casesKosten,
    casesBeratung: point.casesBeratung,
    casesNeu: point.casesNeu,
  };
}

/** A year of the cost table; without parts (no records, nothing imported) every amount is "not available". */
export function presentCostYear(
  year: number,
  source: FigureSource,
  inhabitants: number | null,
  parts: { ambulant: Fraction; stationaer: Fraction; sonstige: Fraction } | null,
): CostYear {
  if (!parts) {
    return {
      year,
      source,
      jew: inhabitants,
      ambulant: null,
      stationaer: null,
      sonstige: null,
      total: null,
      perJewAmbulant: null,
      perJewStationaer: null,
      perJewSonstige: null,
      perJewTotal: null,
    };
  }
  const total = parts.ambulant.add(parts.stationaer).add(parts.sonstige);
  const perJew = (v: Fraction) => (inhabitants ? v.div(Fraction.int(inhabitants)).toMoney() : null);
  return {
    year,
    source,
    jew: inhabitants,
    ambulant: parts.ambulant.toMoney(),
    stationaer: parts.stationaer.toMoney(),
    sonstige: parts.sonstige.toMoney(),
    total: total.toMoney(),
    perJewAmbulant: perJew(parts.ambulant),
    perJewStationaer: perJew(parts.stationaer),
    perJewSonstige: perJew(parts.sonstige),
    perJewTotal: perJew(total),
  };
}
