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
 * The bare SQL of the cost rule: day by day with the rate valid on that day, each measure's month summed exactly and
 * rounded half-up to the cent once (a month-unit day is worth rate / days of its month, an hour-unit day
 * rate × hours / 7). Rows: case_id, amount.
 */
export function perMeasureMonth(tenantId: string, from: string, to: string) {
  return sql`
    with days as (
      select m.id, m.case_id, m.hours_per_week, o.unit, r.amount, d::date as day
      from measure m
      join service_offer o on o.tenant_id = m.tenant_id and o.id = m.offer_id
      cross join generate_series(greatest(m.begin_on, ${from}::date), least(coalesce(m.end_on, ${to}::date), ${to}::date), interval '1 day') d
      join rate r on r.tenant_id = m.tenant_id and r.offer_id = m.offer_id
        and d::date between r.valid_from and coalesce(r.valid_to, 'infinity'::date)
      where m.tenant_id = ${tenantId} and m.status = 'bewilligt' and m.begin_on <= ${to}::date
        and (m.end_on is null or m.end_on >= ${from}::date)
    )
    select case_id, round(sum(case unit when 'hour' then amount * hours_per_week else amount end)
      / case unit when 'hour' then 7 when 'month' then extract(day from date_trunc('month', day) + interval '1 month - 1 day') else 1 end, 2) as amount
    from days
    group by id, case_id, date_trunc('month', day), unit`;
}
