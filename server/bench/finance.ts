import { sql } from 'kysely';
import { loadCostInputs } from '../src/modules/measures/costInputs.ts';
import { exactCost } from '../src/modules/measures/costRule.ts';
import { centsToMoney } from '../src/shared/money.ts';
import { type BenchContext, type Figure, figure } from './measure.ts';

/**
 * Issue 4's target: the costs of all measures of a year, by measure and month, through the one cost rule, in
 * under 2 s; the floor is the same sum in one SQL query (day by day with the valid rate; the demo has no payments
 * or individual rates, which the SQL leaves out). The two sums must agree to the cent per measure and month.
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
  await runRule();
  const started = performance.now();
  await runRule();
  const ruleMs = performance.now() - started;

  const query = sql<{ total: string }>`
    with days as (
      select m.offer_id, m.hours_per_week, o.unit, d::date as day
      from measure m
      join service_offer o on o.tenant_id = m.tenant_id and o.id = m.offer_id
      cross join generate_series(greatest(m.begin_on, ${from}::date), least(coalesce(m.end_on, ${to}::date), ${to}::date), interval '1 day') d
      where m.tenant_id = ${ctx.tenantId} and m.status = 'bewilligt' and m.begin_on <= ${to}::date
        and (m.end_on is null or m.end_on >= ${from}::date)
    ), per_month as (
      select date_trunc('month', days.day) as month, days.offer_id,
        sum(case days.unit
          when 'day' then r.amount
          when 'hour' then r.amount * days.hours_per_week / 7
          else r.amount / extract(day from date_trunc('month', days.day) + interval '1 month - 1 day')
        end) as amount
      from days
      join rate r on r.tenant_id = ${ctx.tenantId} and r.offer_id = days.offer_id
        and days.day between r.valid_from and coalesce(r.valid_to, 'infinity'::date)
      group by 1, 2
    )
    select coalesce(sum(amount), 0)::text as total from per_month`;
  await query.execute(ctx.db);
  const sqlStarted = performance.now();
  const result = await query.execute(ctx.db);
  const sqlMs = performance.now() - sqlStarted;
  const sqlTotal = result.rows[0]?.total ?? '0';
  ctx.log(
    `  finance: ${pairs} Maßnahme-Monate; Kostenregel ${centsToMoney(ruleTotal)} €, SQL ${Number(sqlTotal).toFixed(2)} €`,
  );
  return [figure('finance.year_costs_by_measure_month', ruleMs, 2000, sqlMs)];
}
