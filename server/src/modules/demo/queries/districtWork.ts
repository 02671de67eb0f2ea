import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Reads and bulk writes of the demo's district work (needs' mentions, micro-projects, their budget). */

/** Each peer consultation's need, mentioned on the day it was held. */
export async function insertConsultationMentions(db: Kysely<DB>, tenantId: string) {
  await sql`
    insert into need_mention (tenant_id, need_id, source, mentioned_on)
    select tenant_id, need_id, 'kollegiale_beratung', held_on
      from peer_consultation where tenant_id = ${tenantId} and need_id is not null`.execute(db);
}

/** Each need's count is its mentions (the demo merges none). */
export async function countMentions(db: Kysely<DB>, tenantId: string) {
  await sql`
    update need n set mentions = m.mentions
      from (select need_id, count(*)::int as mentions from need_mention where tenant_id = ${tenantId} group by need_id) m
     where n.tenant_id = ${tenantId} and n.id = m.need_id`.execute(db);
}

export function listDemoNeeds(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('need')
    .select(['id', 'district_id', 'created_on'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
}

export function listDistricts(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

/** Up to `perDistrict` cases of each district, for referrals linked to a case. */
export async function casesPerDistrict(db: Kysely<DB>, tenantId: string, perDistrict: number) {
  const result = await sql<{ id: string; district_id: string }>`
    select id, district_id from (
      select id, district_id, row_number() over (partition by district_id order by id) as n
        from case_file where tenant_id = ${tenantId} and district_id is not null
    ) c where n <= ${perDistrict}`.execute(db);
  return result.rows;
}

export async function setNeedsStatus(
  db: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
  status: string,
) {
  for (let i = 0; i < ids.length; i += 1000)
    await db
      .updateTable('need')
      .set({ status })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
}
