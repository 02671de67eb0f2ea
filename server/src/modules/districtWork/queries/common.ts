import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** What the district-work records share: their districts, the needs they named, the staff they name. */

export type RecordType = 'visit' | 'walk' | 'talk' | 'meeting';

export async function districtNames(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('district')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The active staff among `ids` (not admins-only accounts: anyone with a team or a role is staff here). */
export async function activeUserIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

export async function linkNeed(
  db: Kysely<DB>,
  tenantId: string,
  link: { recordType: RecordType; recordId: string; needId: string },
) {
  await db
    .insertInto('district_work_need')
    .values({
      tenant_id: tenantId,
      record_type: link.recordType,
      record_id: link.recordId,
      need_id: link.needId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The needs named by each record of one type, by record id. */
export async function needsOf(
  db: Kysely<DB>,
  tenantId: string,
  recordType: RecordType,
  ids: readonly string[],
) {
  const byRecord = new Map<string, { id: string; text: string; ageCohort: string }[]>();
  if (ids.length === 0) return byRecord;
  const rows = await db
    .selectFrom('district_work_need as l')
    .innerJoin('need as n', (j) => j.onRef('n.tenant_id', '=', 'l.tenant_id').onRef('n.id', '=', 'l.need_id'))
    .select(['l.record_id', 'n.id', 'n.text', 'n.age_cohort'])
    .where('l.tenant_id', '=', tenantId)
    .where('l.record_type', '=', recordType)
    .where('l.record_id', 'in', [...ids])
    .orderBy('n.text')
    .execute();
  for (const r of rows) {
    const list = byRecord.get(r.record_id) ?? [];
    list.push({ id: r.id, text: r.text, ageCohort: r.age_cohort });
    byRecord.set(r.record_id, list);
  }
  return byRecord;
}
