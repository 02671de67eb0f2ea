import { sql } from 'kysely';
import { loadCostInputs } from '../src/modules/measures/costInputs.ts';
import { exactCost } from '../src/modules/measures/costRule.ts';
import { centsToMoney } from '../src/shared/money.ts';
import { type BenchContext, type Figure, figure, p95Pair } from './measure.ts';

/**
 * Issue 4's target: the costs of all measures of a year, by measure and month, through the one cost rule, in
 * under 2 s; the floor is the same sum in one SQL query (day by day with the valid rate; the demo has no payments
 * or individual rates, which the SQL leaves out). The two sums must agree to the cent (a cross-check).
 */
export async function financeBench(ctx: BenchContext): Promise<Figure[]> {
  const year = 2025;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return { from: `${year}-${m}-01`, to: `${year}-${m}-${new Date(Date.UTC(year, i + 1, 0)).getUTCDate()}` };
  });

  let ruleTotal = 0n;
  let pairs = 0;
  const runRule = async () => {
    const inputs = await loadCostInputs(ctx.db, ctx.tenantId, { from, to, approvedOnly: true });
    ruleTotal = 0n;
    pairs = 0;
    for (const input of inputs) {
      for (const month of months) {
        ruleTotal += exactCost(input.measure, month.from, month.to).toCents();
        pairs++;
      }
    }
  };
  const ruleMsCall = runRule;

  const query = sql<{ cents: string; pairs: number }>`
    with per_month as (${perMeasureMonth(ctx.tenantId, from, to)})
    select (coalesce(sum(amount), 0) * 100)::bigint::text as cents, count(*)::int as pairs from per_month`;
  let sqlCents = 0n;
  const sqlMsCall = async () => {
    sqlCents = BigInt((await query.execute(ctx.db)).rows[0]?.cents ?? '0');
  };
  const [ruleMs, sqlMs] = await p95Pair(ctx.runs(5), ruleMsCall, sqlMsCall);
  ctx.check(
    'Kosten des Jahres: Kostenregel gleich SQL-Summe auf den Cent',
    ruleTotal === sqlCents && ruleTotal > 0n,
    `${pairs} Maßnahme-Monate; Kostenregel ${centsToMoney(ruleTotal)} €, SQL ${centsToMoney(sqlCents)} €`,
  );
  return [figure('finance.year_costs_by_measure_month', ruleMs, 2000, sqlMs)];
}

/**
 * The bare SQL of the cost rule: for each measure, month of [from, to] and rate, the days they share; a day-unit
 * day adds the rate, an hour-unit day rate × hours / 7, a month-unit day rate / days of its month; each measure's
 * month summed exactly and rounded half-up to the cent once. Rows: case_id, amount.
 */
export function perMeasureMonth(tenantId: string, from: string, to: string) {
  return sql`
    with parts as (
      select m.id, m.case_id, o.unit, mo::date as month,
        (case o.unit when 'hour' then r.amount * m.hours_per_week else r.amount end)
          * (least(coalesce(m.end_on, 'infinity'::date), coalesce(r.valid_to, 'infinity'::date), (mo + interval '1 month - 1 day')::date)
             - greatest(m.begin_on, r.valid_from, mo::date) + 1) as amount
      from measure m
      join service_offer o on o.tenant_id = m.tenant_id and o.id = m.offer_id
      join rate r on r.tenant_id = m.tenant_id and r.offer_id = m.offer_id
      cross join unnest(${monthStarts(from, to)}::date[]) mo
      where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.begin_on <= ${to}::date
        and (m.end_on is null or m.end_on >= ${from}::date) and r.valid_from <= ${to}::date
        and (r.valid_to is null or r.valid_to >= ${from}::date)
        and greatest(m.begin_on, r.valid_from, mo::date)
          <= least(coalesce(m.end_on, 'infinity'::date), coalesce(r.valid_to, 'infinity'::date), (mo + interval '1 month - 1 day')::date)
    )
    select case_id, round(sum(amount) / case unit when 'hour' then 7
      when 'month' then extract(day from month + interval '1 month - 1 day') else 1 end, 2) as amount
    from parts
    group by id, case_id, month, unit`;
}

/** The first days of the months from `from` to `to` (a constant array: the planner knows its length). */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  const day = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  while (day.toISOString().slice(0, 10) <= to) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCMonth(day.getUTCMonth() + 1);
  }
  return out;
}
