import { sql } from 'kysely';
import { forgetFigures } from '../src/modules/controlling/cache.ts';
import { type BenchContext, type Figure, figure, p95, signIn } from './measure.ts';

/**
 * Issue 5's targets: the dashboard of one region over ten years by quarter under 200 ms at p95, all districts at
 * once under 1 s. Floors: the bare SQL counting active measures per quarter end (one region) and per district.
 * The main figures are computed afresh each time (the cached answer is dropped first; the city line, which every
 * region's dashboard shares, stays cached as it would in use); the `_cached` figure is an answer asked for again.
 */
export async function controllingBench(ctx: BenchContext): Promise<Figure[]> {
  const headers = await signIn(ctx, 'controlling');
  const districts = await ctx.db
    .selectFrom('district')
    .select(['id', 'code'])
    .where('tenant_id', '=', ctx.tenantId)
    .orderBy('code')
    .execute();
  const pick = (i: number) => districts[i % districts.length] as { id: string; code: string };
  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  const boardOf = (i: number) => `/controlling/dashboard?region=${pick(i).code}&from=2016&to=2025`;

  const board = await p95(40, async (i) => {
    forgetFigures('dashboard');
    await get(boardOf(i));
  });
  const boardCached = await p95(40, (i) => get(boardOf(i)));
  const boardFloor = await p95(40, async (i) => {
    await sql`select d.day, m.category, count(*) from
      (select (date_trunc('quarter', q) + interval '3 months - 1 day')::date as day from generate_series('2016-01-01'::date, '2025-12-31'::date, interval '3 months') q) d
      join measure m on m.tenant_id = ${ctx.tenantId} and m.status = 'bewilligt' and m.begin_on <= d.day and (m.end_on is null or m.end_on >= d.day)
      join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id and c.district_id = ${pick(i).id}
      group by 1, 2`.execute(ctx.db);
  });

  const all = await p95(5, async () => {
    forgetFigures('districts');
    await get('/controlling/districts?year=2025');
  });
  const allFloor = await p95(5, async () => {
    await sql`select c.district_id, count(*) from measure m join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id
      where m.tenant_id = ${ctx.tenantId} and m.status = 'bewilligt' and m.begin_on <= '2025-12-31' and (m.end_on is null or m.end_on >= '2025-12-31')
      group by 1`.execute(ctx.db);
  });
  return [
    figure('controlling.region_dashboard_10y_p95', board, 200, boardFloor),
    figure('controlling.region_dashboard_10y_cached_p95', boardCached, 200, boardFloor),
    figure('controlling.all_districts_p95', all, 1000, allFloor),
  ];
}
