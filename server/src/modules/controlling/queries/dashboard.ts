import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Region } from '../regions.ts';
import { caseEventsSql } from './series.ts';

/** NONE matches no district: `in ()` is not SQL. */
const NONE = '00000000-0000-0000-0000-000000000000';
const inList = (ids: readonly string[]) => sql.join(ids.length > 0 ? ids : [NONE]);

/**
 * What the dashboard reads besides the region's measures, in one statement: the region's case events of the series
 * (queries/series.ts caseEvents), the young inhabitants (under 21) per year of the range in the region's districts
 * and in the city's (years without rows are missing from each), and the day the first case was opened (the first
 * year with records).
 */
export async function dashboardContext(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  city: Region,
  fromYear: number,
  toYear: number,
) {
  const events = caseEventsSql(tenantId, region, `${fromYear}-01-01`, `${toYear}-12-31`);
  const result = await sql<{
    first: string | null;
    events: { at: string; delta: number; opened: number }[];
    jew: { year: number; region: number | null; city: number }[];
  }>`select (select min(opened_on) from case_file where tenant_id = ${tenantId})::text as first,
      (select coalesce(json_agg(e), '[]') from (${events}) e) as events,
      (select coalesce(json_agg(p), '[]') from (
        select year, (sum(residents) filter (where district_id in (${inList(region.districtIds)})))::int as region,
          sum(residents)::int as city
        from population where tenant_id = ${tenantId} and district_id in (${inList(city.districtIds)})
          and year >= ${fromYear} and year <= ${toYear}
        group by year) p) as jew`.execute(db);
  const row = result.rows[0];
  const inRegion = new Map<number, number>();
  const inCity = new Map<number, number>();
  for (const r of row?.jew ?? []) {
    if (r.region !== null) inRegion.set(r.year, r.region);
    inCity.set(r.year, r.city);
  }
  return {
    first: row?.first ?? null,
    caseEvents: row?.events ?? [],
    jew: { region: inRegion, city: inCity },
  };
}
