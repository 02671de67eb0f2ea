import type { Need, NeedStatus } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The workflow of needs: one need with its district, merging, splitting, status, and what links to it. */

/** A need with its district's name; `lock` takes the row for the rest of the transaction. */
export function loadNeed(db: Kysely<DB>, tenantId: string, id: string, lock = false) {
  let q = db
    .selectFrom('need as n')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'n.tenant_id').onRef('d.id', '=', 'n.district_id'),
    )
    .select([
      'n.id',
      'n.version',
      'n.district_id',
      'd.name as district_name',
      'n.age_cohort',
      'n.text',
      'n.mentions',
      'n.status',
      'n.created_on',
      'n.merged_into_id',
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.id', '=', id);
  if (lock) q = q.forUpdate('n');
  return q.executeTakeFirst();
}
export type LoadedNeed = NonNullable<Awaited<ReturnType<typeof loadNeed>>>;

/** Points a need at the need it is merged into (or back at none), if nobody changed it since `version`. */
export function setMergedInto(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  mergedIntoId: string | null,
) {
  return db
    .updateTable('need')
    .set((eb) => ({ merged_into_id: mergedIntoId, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function setNeedStatus(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  status: NeedStatus,
  version?: number,
) {
  let q = db
    .updateTable('need')
    .set((eb) => ({ status, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.executeTakeFirst();
}

/** The mentions of a need and of every need merged into it (at any depth), by source. */
export async function mentionsBySource(db: Kysely<DB>, tenantId: string, id: string) {
  const result = await sql<{ source: string; mentions: number }>`
    with recursive tree(id) as (
      select id from need where tenant_id = ${tenantId} and id = ${id}
      union all
      select n.id from need n join tree t on n.tenant_id = ${tenantId} and n.merged_into_id = t.id
    )
    select m.source, count(*)::int as mentions
      from need_mention m
     where m.tenant_id = ${tenantId} and m.need_id in (select id from tree)
     group by m.source
     order by mentions desc, m.source`.execute(db);
  return result.rows;
}

/** The needs merged directly into this one. */
export function mergedNeeds(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('need')
    .select(['id', 'text', 'mentions', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('merged_into_id', '=', id)
    .orderBy('mentions', 'desc')
    .orderBy('id')
    .execute();
}

export function needText(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('need')
    .select(['id', 'text'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The micro-projects that took up a need. */
export function projectsOfNeed(db: Kysely<DB>, tenantId: string, needId: string) {
  return db
    .selectFrom('micro_project_need as pn')
    .innerJoin('micro_project as p', (j) =>
      j.onRef('p.tenant_id', '=', 'pn.tenant_id').onRef('p.id', '=', 'pn.project_id'),
    )
    .select(['p.id', 'p.name'])
    .where('pn.tenant_id', '=', tenantId)
    .where('pn.need_id', '=', needId)
    .orderBy('p.name')
    .execute();
}

/**
 * Mentions per need (mentions of merged needs counted in the need they were merged into) and quarter ("2026-Q1"),
 * of the needs in the district and age cohort, named between `from` and `to`.
 */
export async function mentionsPerQuarter(
  db: Kysely<DB>,
  tenantId: string,
  filter: {
    districtId?: string | undefined;
    ageCohort?: Need['ageCohort'] | undefined;
    from: string;
    to: string;
  },
) {
  const result = await sql<{ id: string; text: string; district: string; quarter: string; mentions: number }>`
    with recursive tree(id, root_id) as (
      select id, id from need
       where tenant_id = ${tenantId} and merged_into_id is null
         and (${filter.districtId ?? null}::uuid is null or district_id = ${filter.districtId ?? null}::uuid)
         and (${filter.ageCohort ?? null}::text is null or age_cohort = ${filter.ageCohort ?? null}::text)
      union all
      select n.id, t.root_id from need n join tree t on n.tenant_id = ${tenantId} and n.merged_into_id = t.id
    )
    select r.id, r.text, d.name as district,
           extract(year from m.mentioned_on)::int || '-Q' || extract(quarter from m.mentioned_on)::int as quarter,
           count(*)::int as mentions
      from need_mention m
      join tree t on t.id = m.need_id
      join need r on r.tenant_id = ${tenantId} and r.id = t.root_id
      join district d on d.tenant_id = r.tenant_id and d.id = r.district_id
     where m.tenant_id = ${tenantId} and m.mentioned_on between ${filter.from}::date and ${filter.to}::date
     group by r.id, r.text, d.name, quarter`.execute(db);
  return result.rows;
}
