import { sql } from 'kysely';
import { type BenchContext, type Figure, figure, getJson, p95Pair, signIn } from './measure.ts';

/**
 * Issue 13's target for the Stadtteilatlas at `city` scale: a search (text and a filter, the first page) and the
 * map's data (every district outline and every entry with a place) each under 50 ms at p95. Floors: the bare SQL
 * each needs.
 */
export async function atlasBench(ctx: BenchContext): Promise<Figure[]> {
  const headers = await signIn(ctx, 'sozialraum');
  const districts = await ctx.db
    .selectFrom('district')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .orderBy('code')
    .execute();
  const terms = ['kita', 'schule', 'beratung', 'haus', 'treff'];
  const get = (url: string) => getJson<{ items: unknown[] }>(ctx, url, headers);
  const termOf = (i: number) => terms[i % terms.length] as string;
  const districtOf = (i: number) => (districts[i % districts.length] as { id: string }).id;

  const found: number[] = [];
  const searchCall = async (i: number) => {
    found[i] = (await get(`/atlas/entries?q=${termOf(i)}&limit=100`)).items.length;
  };
  const foundSql: number[] = [];
  const searchFloorCall = async (i: number) => {
    foundSql[i] = (
      await sql`select e.*, d.name from atlas_entry e join district d on d.tenant_id = e.tenant_id and d.id = e.district_id
      where e.tenant_id = ${ctx.tenantId} and (lower(e.name) like ${`%${termOf(i)}%`} or lower(e.address) like ${`%${termOf(i)}%`})
      order by e.name, e.id limit 101`.execute(ctx.db)
    ).rows.length;
  };
  const [search, searchFloor, searchSql] = await p95Pair(ctx.runs(40), searchCall, searchFloorCall);
  const differ = found.filter((n, i) => n !== Math.min(foundSql[i] ?? -1, 100)).length;
  ctx.check(
    'Atlas-Suche: so viele Einträge wie im SQL',
    differ === 0 && found.length > 0,
    `${found.length - differ} von ${found.length} Suchen gleich`,
  );
  const filteredCall = (i: number) =>
    get(`/atlas/entries?districtId=${districtOf(i)}&ageCohort=0-3&limit=100`);
  const filteredFloorCall = async (i: number) => {
    await sql`select e.*, d.name from atlas_entry e join district d on d.tenant_id = e.tenant_id and d.id = e.district_id
      where e.tenant_id = ${ctx.tenantId} and e.district_id = ${districtOf(i)} and e.age_cohorts @> '["0-3"]'::jsonb
      order by e.name, e.id limit 101`.execute(ctx.db);
  };
  const [filtered, filteredFloor, filteredSql] = await p95Pair(ctx.runs(40), filteredCall, filteredFloorCall);
  const mapCall = () => get('/atlas/map');
  const mapFloorCall = async () => {
    await sql`select id, code, name, outline from district where tenant_id = ${ctx.tenantId}`.execute(ctx.db);
    await sql`select id, name, kind, district_id, lon, lat from atlas_entry where tenant_id = ${ctx.tenantId} and lon is not null`.execute(
      ctx.db,
    );
  };
  const [map, mapFloor, mapSql] = await p95Pair(ctx.runs(40), mapCall, mapFloorCall);
  return [
    figure('atlas.search_text_p95', search, 50, searchFloor, searchSql),
    figure('atlas.search_district_cohort_p95', filtered, 50, filteredFloor, filteredSql),
    figure('atlas.map_data_p95', map, 50, mapFloor, mapSql),
  ];
}
