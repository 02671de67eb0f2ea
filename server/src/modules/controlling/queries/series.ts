import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CostMeasureRow } from '../../measures/costInputs.ts';
import type { Region } from '../regions.ts';
import { caseJoin, scopeSql } from './scope.ts';

/**
 * The events the quarterly series sweep over (series.ts): begins and ends of approved measures and of cases,
 * grouped by the quarter end they first count for, so that no row is compared with every date.
 */

/**
 * SQL for the quarter end on or after a date column, as 'YYYY-MM-DD'. Plain integer arithmetic: date_trunc and
 * to_char go through time zones and are many times slower on the embedded database.
 */
const qe = (col: string) =>
  sql.raw(`(extract(year from ${col})::int || case (extract(month from ${col})::int - 1) / 3
    when 0 then '-03-31' when 1 then '-06-30' when 2 then '-09-30' else '-12-31' end)`);

/**
 * +n at the quarter end of a begin, -n at the quarter end after an end, for HzE measures only (the city line of the
 * density chart).
 */
export async function hzeEvents(db: Kysely<DB>, tenantId: string, region: Region, to: string) {
  const result = await sql<{ at: string; delta: number }>`
    select ${qe('m.begin_on')} as at, count(*)::int as delta from measure m
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id and h.is_hze
    ${caseJoin(region)}
    where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.begin_on <= ${to}::date and ${scopeSql(region, 'c')}
    group by 1
    union all
    select ${qe('(m.end_on + 1)')} as at, -count(*)::int as delta from measure m
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id and h.is_hze
    ${caseJoin(region)}
    where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.end_on is not null and m.begin_on <= ${to}::date
      and ${scopeSql(region, 'c')}
    group by 1`.execute(db);
  return result.rows;
}

/** Cases opening (+, and how many of them from `from` on) and closing (-), by quarter end. */
export function caseEventsSql(tenantId: string, region: Region, from: string, to: string) {
  return sql<{ at: string; delta: number; opened: number }>`
    select ${qe('c.opened_on')} as at, count(*)::int as delta,
      count(*) filter (where c.opened_on >= ${from}::date)::int as opened
    from case_file c where c.tenant_id = ${tenantId} and c.opened_on <= ${to}::date and ${scopeSql(region, 'c')}
    group by 1
    union all
    select ${qe('(c.closed_on + 1)')} as at, -count(*)::int as delta, 0 as opened
    from case_file c where c.tenant_id = ${tenantId} and c.closed_on is not null and c.opened_on <= ${to}::date
      and ${scopeSql(region, 'c')}
    group by 1`;
}

export async function caseEvents(db: Kysely<DB>, tenantId: string, region: Region, from: string, to: string) {
  return (await caseEventsSql(tenantId, region, from, to).execute(db)).rows;
}

/**
 * Approved measures overlapping a period with whether their help type is HzE, their case's dates and what the cost
 * rule needs (the columns of listCostMeasures in measures/queries/costs.ts), ordered by case and begin: the measure
 * counts, the Kostenfälle and the costs of the series (series.ts) all come from these rows.
 */
export async function measureIntervals(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  from: string,
  to: string,
) {
  const result = await sql<CostMeasureRow & { is_hze: boolean; opened_on: string; closed_on: string | null }>`
    select m.id, m.case_id, m.category, m.help_type_id, m.offer_id, m.individual_amount, m.individual_unit,
      m.begin_on, m.end_on, m.hours_per_week, m.status, o.unit as offer_unit, h.is_hze, c.opened_on, c.closed_on
    from measure m join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
    left join service_offer o on o.tenant_id = m.tenant_id and o.id = m.offer_id
    where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.begin_on <= ${to}::date
      and (m.end_on is null or m.end_on >= ${from}::date) and ${scopeSql(region, 'c')}
    order by m.case_id, m.begin_on`.execute(db);
  return result.rows;
}
