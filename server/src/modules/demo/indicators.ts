import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { firstPopulationYear } from './city.ts';
import { insertChunked } from './insert.ts';
import type { Random } from './random.ts';

/**
 * Aggregates a real office imports: the share of children in SGB II households per district (the social indicator
 * of the staff reference) and the Soll VZE per Sozialzentrum, about a tenth above today's staffing.
 */
export async function insertDemoIndicators(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  lastYear: number,
  counts: Record<string, number>,
) {
  const districts = await db
    .selectFrom('district')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  const rows: Insertable<DB['aggregate']>[] = [];
  for (const d of districts) {
    const base = 8 + rnd.next() * 37;
    for (let year = firstPopulationYear; year <= lastYear; year++) {
      rows.push({
        tenant_id: tenantId,
        region: d.code,
        period: String(year),
        metric: 'sgb2_quote',
        value: (base + (rnd.next() - 0.5) * 2).toFixed(1),
      });
    }
  }
  const staffing = await sql<{ code: string; vze: string }>`
    select sc.code, coalesce(sum(u.fte), 0)::text as vze from social_centre sc
    join team t on t.tenant_id = sc.tenant_id and t.social_centre_id = sc.id
    join app_user u on u.tenant_id = t.tenant_id and u.team_id = t.id and ('case_manager' = any(u.roles) or 'team_lead' = any(u.roles))
    where sc.tenant_id = ${tenantId} group by sc.code order by sc.code`.execute(db);
  for (const s of staffing.rows) {
    for (let year = 2016; year <= lastYear; year++) {
      rows.push({
        tenant_id: tenantId,
        region: s.code,
        period: String(year),
        metric: 'staff_soll_vze',
        value: (Math.round(Number(s.vze) * 1.1 * 2) / 2).toFixed(2),
      });
    }
  }
  await insertChunked(db, 'aggregate', rows, []);
  counts.aggregates = rows.length;
}
