import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Young inhabitants (JEW: under 21) from the population table, by district, year and age band. */

/** Under 21 and under 18 in these districts in a year. */
export async function youngInhabitantSums(
  db: Kysely<DB>,
  tenantId: string,
  districtIds: string[],
  year: number,
) {
  if (districtIds.length === 0) return { u21: 0, u18: 0 };
  const row = await db
    .selectFrom('population')
    .select([
      sql<number>`coalesce(sum(residents), 0)`.as('u21'),
      sql<number>`coalesce(sum(residents) filter (where age_band <> '18-20'), 0)`.as('u18'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('district_id', 'in', districtIds)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return { u21: Number(row.u21), u18: Number(row.u18) };
}

/** Under 21 per district in a year (districts without rows are missing). */
export async function youngInhabitantsByDistrict(
  db: Kysely<DB>,
  tenantId: string,
  year: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('population')
    .select(['district_id', sql<number>`sum(residents)::int`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .groupBy('district_id')
    .execute();
  return new Map(rows.map((r) => [r.district_id, Number(r.n)]));
}

/** Replaces every age band of each district and year that the rows name. */
export async function replacePopulation(
  db: Kysely<DB>,
  tenantId: string,
  rows: { district_id: string; year: number; age_band: string; residents: number }[],
): Promise<void> {
  const pairs = [...new Set(rows.map((r) => `${r.district_id}|${r.year}`))];
  for (const pair of pairs) {
    const [districtId, year] = pair.split('|') as [string, string];
    await db
      .deleteFrom('population')
      .where('tenant_id', '=', tenantId)
      .where('district_id', '=', districtId)
      .where('year', '=', Number(year))
      .execute();
  }
  for (let i = 0; i < rows.length; i += 1_000) {
    await db
      .insertInto('population')
      .values(rows.slice(i, i + 1_000).map((r) => ({ tenant_id: tenantId, ...r })))
      .execute();
  }
}
