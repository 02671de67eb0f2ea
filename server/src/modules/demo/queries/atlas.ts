import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** SQL of the demo's Stadtteilatlas. */

export function districtOutlines(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'name', 'outline'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

/** Staff who may know an institution: case managers and coordinators. */
export function fieldStaff(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`roles && array['case_manager', 'district_coordinator']::text[]`)
    .orderBy('username')
    .execute();
}

/** A third of the "sozialräumlich" resources point at an entry of their case's district (one set-based update). */
export async function linkResourcesToAtlas(db: Kysely<DB>, tenantId: string) {
  await sql`
    update resource r set directory_entry_id = (
      select e.id from atlas_entry e
      where e.tenant_id = r.tenant_id and e.district_id = c.district_id
      order by md5(r.id::text || e.id::text) limit 1)
    from case_file c
    where r.tenant_id = ${tenantId} and c.tenant_id = r.tenant_id and c.id = r.case_id
      and r.area = 'sozialraeumlich' and get_byte(decode(md5(r.id::text), 'hex'), 0) < 86`.execute(db);
}
