import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { yearKpis } from './kpis.ts';
import { CITY } from './regions.ts';

/** The regions to choose from: internal ones by kind, external ones as far as aggregates name them. */
export async function listRegions(db: Kysely<DB>, tenantId: string) {
  const centres = await db
    .selectFrom('social_centre')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const teams = await db
    .selectFrom('team')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const districts = await db
    .selectFrom('district')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const internal = new Set([
    CITY,
    ...centres.flatMap((c) => [c.code, c.name]),
    ...teams.map((t) => t.name),
    ...districts.flatMap((d) => [d.code, d.name]),
  ]);
  const external = (
    await db
      .selectFrom('aggregate')
      .select('region')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .orderBy('region')
      .execute()
  )
    .map((r) => r.region)
    .filter((r) => !internal.has(r));
  return [
    { key: CITY, name: 'Stadt (gesamt)', kind: 'city' },
    ...centres.map((c) => ({ key: c.code, name: c.name, kind: 'centre' })),
    ...teams.map((t) => ({ key: t.name, name: t.name, kind: 'team' })),
    ...districts.map((d) => ({ key: d.code, name: d.name, kind: 'district' })),
    ...external.map((r) => ({ key: r, name: r, kind: 'external' })),
  ];
}

/**
 * The IKO comparison: costs per young inhabitant of each external city with imported costs and JEW for the year,
 * and of this city (computed), with the median of all.
 */
export async function comparison(db: Kysely<DB>, tenantId: string, year: number) {
  const rows = await sql<{ region: string }>`select distinct region from aggregate
    where tenant_id = ${tenantId} and period = ${String(year)} and metric = 'jew_u21'`.execute(db);
  const cities = [];
  for (const region of [CITY, ...rows.rows.map((r) => r.region).filter((r) => r !== CITY)]) {
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
  const sorted = cities
    .map((c) => Fraction.parse(c.perJewTotal))
    .sort((a, b) => (a.sub(b).isNegative() ? -1 : 1));
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
  return { year, cities, medianPerJewTotal: median };
}
