import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { caseScope, type Region } from './regions.ts';

/**
 * Time series for the dashboards, each in one query over all quarters (not one query per quarter): active
 * measures by category and case types at each quarter's end, new cases per quarter, young inhabitants and costs
 * (the cost rule) per year.
 */
const NONE = '00000000-0000-0000-0000-000000000000';

function scopeSql(region: Region, alias: string) {
  const scope = caseScope(region);
  if (!scope) return sql`true`;
  const ids = scope.ids.length > 0 ? scope.ids : [NONE];
  return sql`${sql.ref(`${alias}.${scope.column}`)} in (${sql.join(ids)})`;
}

const quarterEnds = (
  fromYear: number,
  toYear: number,
) => sql`(select (date_trunc('quarter', q) + interval '3 months - 1 day')::date as day
  from generate_series(${`${fromYear}-01-01`}::date, ${`${toYear}-12-31`}::date, interval '3 months') q)`;

export interface QuarterPoint {
  quarter: string;
  date: string;
  ambulant: number;
  teilstationaer: number;
  stationaer: number;
  sonstige: number;
  hze: number;
  casesActive: number;
  casesKosten: number;
  casesBeratung: number;
  casesNeu: number;
}

const quarterLabel = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export async function quarterly(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
): Promise<QuarterPoint[]> {
  const measures = await sql<{ day: string; category: string; is_hze: boolean; n: number }>`
    select d.day::text as day, m.category, h.is_hze, count(*)::int as n
    from ${quarterEnds(fromYear, toYear)} d
    join measure m on m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.begin_on <= d.day
      and (m.end_on is null or m.end_on >= d.day)
    join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id
    join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
    where ${scopeSql(region, 'c')}
    group by 1, 2, 3`.execute(db);
  const cases = await sql<{ day: string; active: number; kosten: number }>`
    select d.day::text as day, count(*)::int as active,
      count(*) filter (where exists (select 1 from measure m where m.tenant_id = c.tenant_id and m.case_id = c.id
        and m.status = 'bewilligt' and m.begin_on <= d.day and (m.end_on is null or m.end_on >= d.day)))::int as kosten
    from ${quarterEnds(fromYear, toYear)} d
    join case_file c on c.tenant_id = ${tenantId} and c.opened_on <= d.day and (c.closed_on is null or c.closed_on >= d.day)
    where ${scopeSql(region, 'c')}
    group by 1`.execute(db);
  const opened = await sql<{ quarter: string; n: number }>`
    select to_char(date_trunc('quarter', c.opened_on), 'YYYY-MM-DD') as quarter, count(*)::int as n
    from case_file c
    where c.tenant_id = ${tenantId} and c.opened_on >= ${`${fromYear}-01-01`}::date and c.opened_on <= ${`${toYear}-12-31`}::date
      and ${scopeSql(region, 'c')}
    group by 1`.execute(db);

  const points = new Map<string, QuarterPoint>();
  for (let y = fromYear; y <= toYear; y++) {
    for (const md of ['03-31', '06-30', '09-30', '12-31']) {
      const date = `${y}-${md}`;
      points.set(date, {
        quarter: quarterLabel(date),
        date,
        ambulant: 0,
        teilstationaer: 0,
        stationaer: 0,
        sonstige: 0,
        hze: 0,
        casesActive: 0,
        casesKosten: 0,
        casesBeratung: 0,
        casesNeu: 0,
      });
    }
  }
  for (const r of measures.rows) {
    const p = points.get(r.day);
    if (!p) continue;
    p[r.category as 'ambulant'] += r.n;
    if (r.is_hze) p.hze += r.n;
  }
  for (const r of cases.rows) {
    const p = points.get(r.day);
    if (!p) continue;
    p.casesActive = r.active;
    p.casesKosten = r.kosten;
    p.casesBeratung = r.active - r.kosten;
  }
  const byQuarter = new Map([...points.values()].map((p) => [p.quarter, p]));
  for (const r of opened.rows) {
    const p = byQuarter.get(quarterLabel(r.quarter));
    if (p) p.casesNeu = r.n;
  }
  return [...points.values()];
}

export async function jewByYear(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
): Promise<Map<number, number>> {
  if (region.districtIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('population')
    .select(['year', sql<number>`sum(residents)::int`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('district_id', 'in', region.districtIds)
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .groupBy('year')
    .execute();
  return new Map(rows.map((r) => [r.year, Number(r.n)]));
}

export interface YearCosts {
  year: number;
  ambulant: string;
  teilstationaer: string;
  stationaer: string;
  sonstige: string;
  total: string;
}

/** Costs per year and category: the measures of the whole range are loaded once and each year costed by the rule. */
export async function costsByYear(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  fromYear: number,
  toYear: number,
): Promise<YearCosts[]> {
  const inputs = await loadCostInputs(db, tenantId, {
    from: `${fromYear}-01-01`,
    to: `${toYear}-12-31`,
    approvedOnly: true,
    scope: caseScope(region),
  });
  const result: YearCosts[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const cents: Record<string, bigint> = { ambulant: 0n, teilstationaer: 0n, stationaer: 0n, sonstige: 0n };
    for (const i of inputs) {
      if (i.measure.begin > to || (i.measure.end !== null && i.measure.end < from)) continue;
      cents[i.category] = (cents[i.category] ?? 0n) + exactCost(i.measure, from, to).toCents();
    }
    const m = (c: bigint | undefined) => new Fraction(c ?? 0n, 100n).toMoney();
    const total = Object.values(cents).reduce((a, b) => a + b, 0n);
    result.push({
      year,
      ambulant: m(cents.ambulant),
      teilstationaer: m(cents.teilstationaer),
      stationaer: m(cents.stationaer),
      sonstige: m(cents.sonstige),
      total: m(total),
    });
  }
  return result;
}
