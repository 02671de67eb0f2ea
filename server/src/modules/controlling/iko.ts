import type { Iko, IkoCategory, Kpis } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { yearKpis } from './kpis.ts';
import { meanAndMedian } from './lights.ts';
import { regionsWithMetric } from './queries/aggregates.ts';
import { CITY } from './regions.ts';

/**
 * The IKO comparison (interkommunaler Vergleich) over several years: costs per young inhabitant under 21 of every
 * city of the ring (imported aggregates: costs_* and jew_u21) and of this city, per cost category, with mean and
 * median. Only aggregates: a city's figures are sums, never records.
 */
const parts: Record<IkoCategory, (k: Kpis) => string | null> = {
  ambulant: (k) => k.perJew.ambulant,
  stationaer: (k) => k.perJew.stationaer,
  sonstige: (k) => k.perJew.sonstige,
  total: (k) => k.perJew.total,
};

export async function ikoComparison(
  db: Kysely<DB>,
  tenantId: string,
  q: { from: number; to: number },
): Promise<Iko> {
  const years: Iko['years'] = [];
  for (let year = q.from; year <= q.to; year++) {
    const regions = await regionsWithMetric(db, tenantId, [String(year), `${year}-12-31`], 'jew_u21');
    const cities: Kpis[] = [];
    for (const region of [CITY, ...regions.filter((r) => r !== CITY)]) {
      const k = await yearKpis(db, tenantId, region, year);
      if (k.region.kind === 'city' || k.region.kind === 'external') cities.push(k);
    }
    years.push({
      year,
      categories: (Object.keys(parts) as IkoCategory[]).map((category) => {
        const values = cities
          .map((k) => ({ region: k.region.name, own: k.region.kind === 'city', perJew: parts[category](k) }))
          .filter((v): v is { region: string; own: boolean; perJew: string } => v.perJew !== null);
        return { category, values, ...meanAndMedian(values.map((v) => Fraction.parse(v.perJew))) };
      }),
    });
  }
  return { from: q.from, to: q.to, years };
}
