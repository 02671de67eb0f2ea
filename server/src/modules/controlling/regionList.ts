import type { Comparison, RegionEntry } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { yearKpis } from './kpis.ts';
import { presentRegions } from './presenter.ts';
import { aggregateRegions, regionsWithMetric } from './queries/aggregates.ts';
import { centreRows, districtRows, teamRows } from './queries/organisation.ts';
import { CITY } from './regions.ts';

/** The regions to choose from: internal ones by kind, external ones as far as aggregates name them. */
export async function listRegions(db: Kysely<DB>, tenantId: string): Promise<RegionEntry[]> {
  const centres = await centreRows(db, tenantId);
  const teams = await teamRows(db, tenantId);
  const districts = await districtRows(db, tenantId);
  const internal = new Set([
    CITY,
    ...centres.flatMap((c) => [c.code, c.name]),
    ...teams.map((t) => t.name),
    ...districts.flatMap((d) => [d.code, d.name]),
  ]);
  const external = (await aggregateRegions(db, tenantId)).filter((r) => !internal.has(r));
  return presentRegions(centres, teams, districts, external);
}

/**
 * The IKO comparison: costs per young inhabitant of each external city with imported costs and JEW for the year,
 * and of this city (computed), lowest first, with the median of all.
 */
export async function comparison(db: Kysely<DB>, tenantId: string, year: number): Promise<Comparison> {
  // Young inhabitants are a stock: the year's row or its 31 Dec (imported.ts).
  const regions = await regionsWithMetric(db, tenantId, [String(year), `${year}-12-31`], 'jew_u21');
  const cities: Comparison['cities'] = [];
  for (const region of [CITY, ...regions.filter((r) => r !== CITY)]) {
    const k = await yearKpis(db, tenantId, region, year);
    if (k.region.kind !== 'city' && k.region.kind !== 'external') continue;
    if (k.perJew.total === null) continue;
    cities.push({
      region: k.region.name,
      own: k.region.kind === 'city',
      source: k.sources.costs,
      perJewTotal: k.perJew.total,
      densityPer10000: k.density?.per10000 ?? null,
    });
  }
  // Lowest cost per JEW first, compared exactly.
  const ranked = cities
    .map((c) => ({ city: c, perJew: Fraction.parse(c.perJewTotal) }))
    .sort((a, b) => (a.perJew.sub(b.perJew).isNegative() ? -1 : b.perJew.sub(a.perJew).isNegative() ? 1 : 0));
  const sorted = ranked.map((r) => r.perJew);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2 === 1
        ? (sorted[mid] as Fraction).toMoney()
        : (sorted[mid - 1] as Fraction)
            .add(sorted[mid] as Fraction)
            .div(Fraction.int(2))
            .toMoney();
  return { year, cities: ranked.map((r) => r.city), medianPerJewTotal: median };
}
