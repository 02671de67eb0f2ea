import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Region } from '../regions.ts';
import { scoped } from './scope.ts';

/** Counts of cases and measures on a reference date or over a period, for a region (figures.ts). */

/** Approved measures (alias m) with their case (alias c), the base of the measure counts. */
const approvedMeasures = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'bewilligt');

/** The same with the help type (alias h). */
const approvedWithType = (db: Kysely<DB>, tenantId: string) =>
  approvedMeasures(db, tenantId).innerJoin('help_type as h', (j) =>
    j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
  );

/** The first day with a case: before its year, figures come from imported aggregates. */
export async function firstOpenedOn(db: Kysely<DB>, tenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('case_file')
    .select(sql<string | null>`min(opened_on)`.as('first'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.first ?? null;
}

/** Cases open on a date, and how many of them have an approved measure running that day (Kostenfälle). */
export async function activeCaseCounts(db: Kysely<DB>, tenantId: string, region: Region, date: string) {
  const activeMeasure = sql<boolean>`exists (select 1 from measure m where m.tenant_id = c.tenant_id
      and m.case_id = c.id and m.status = 'bewilligt' and m.begin_on <= ${date}::date
      and (m.end_on is null or m.end_on >= ${date}::date))`;
  const q = db
    .selectFrom('case_file as c')
    .select([
      sql<number>`count(*)`.as('active'),
      sql<number>`count(*) filter (where ${activeMeasure})`.as('kosten'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.opened_on', '<=', date)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', date)]));
  const row = await scoped(q, region, 'c').executeTakeFirstOrThrow();
  return { active: Number(row.active), kosten: Number(row.kosten) };
}

/** Approved measures running on a date, by category and help type. */
export async function activeMeasureCounts(db: Kysely<DB>, tenantId: string, region: Region, date: string) {
  const q = approvedWithType(db, tenantId)
    .select(['m.category', 'h.code', 'h.name', 'h.is_hze', sql<number>`count(*)`.as('n')])
    .where('m.begin_on', '<=', date)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', date)]))
    .groupBy(['m.category', 'h.code', 'h.name', 'h.is_hze']);
  const rows = await scoped(q, region, 'c').execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Cases opened in a period, by access route. */
export async function intakeCounts(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  from: string,
  to: string,
) {
  const q = db
    .selectFrom('case_file as c')
    .select(['c.access_route', sql<number>`count(*)`.as('n')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.opened_on', '>=', from)
    .where('c.opened_on', '<=', to)
    .groupBy('c.access_route');
  const rows = await scoped(q, region, 'c').execute();
  return rows.map((r) => ({ route: r.access_route, n: Number(r.n) }));
}

/** Approved measures that ended in a period, and the median of their durations in days (both ends counted). */
export async function endedMeasures(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  from: string,
  to: string,
) {
  const q = approvedMeasures(db, tenantId)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number | null>`percentile_cont(0.5) within group (order by (m.end_on - m.begin_on + 1))`.as(
        'median',
      ),
    ])
    .where('m.end_on', '>=', from)
    .where('m.end_on', '<=', to);
  const row = await scoped(q, region, 'c').executeTakeFirstOrThrow();
  return { count: Number(row.n), medianDays: row.median === null ? null : Number(row.median) };
}

/** Approved HzE measures running at any time in a period (Inanspruchnahme), and those other than § 28. */
export async function hzeInUse(db: Kysely<DB>, tenantId: string, region: Region, from: string, to: string) {
  const q = approvedWithType(db, tenantId)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`count(*) filter (where h.code <> '28')`.as('without28'),
    ])
    .where('h.is_hze', '=', true)
    .where('m.begin_on', '<=', to)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', from)]));
  const row = await scoped(q, region, 'c').executeTakeFirstOrThrow();
  return { all: Number(row.n), without28: Number(row.without28) };
}

/** Approved HzE measures running on a date, per district of their case. */
export async function activeHzeByDistrict(
  db: Kysely<DB>,
  tenantId: string,
  date: string,
): Promise<Map<string, number>> {
  const result = await sql<{ district_id: string; n: number }>`
    select c.district_id, count(*)::int as n from measure m
    join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
    where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and h.is_hze and m.begin_on <= ${date}::date
      and (m.end_on is null or m.end_on >= ${date}::date)
    group by 1`.execute(db);
  return new Map(result.rows.map((r) => [r.district_id, Number(r.n)]));
}

/** The district of each of these cases (null: none known). */
export async function caseDistricts(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Map<string, string | null>> {
  const result = await sql<{ id: string; district_id: string | null }>`
    select id, district_id from case_file where tenant_id = ${tenantId} and id = any(${[...caseIds]}::uuid[])`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [r.id, r.district_id]));
}
