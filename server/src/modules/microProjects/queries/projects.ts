import type { MicroProjectInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Micro-projects: the project, its districts and the needs behind it. */

/** The districts of the streets assigned to a team: where its lead and its coordinator run micro-projects. */
export async function teamDistrictIds(
  db: Kysely<DB>,
  tenantId: string,
  teamId: string | null,
): Promise<string[]> {
  if (teamId === null) return [];
  const rows = await db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select('s.district_id')
    .distinct()
    .where('r.tenant_id', '=', tenantId)
    .where('r.team_id', '=', teamId)
    .execute();
  return rows.map((r) => r.district_id);
}

export async function existingDistrictIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('district')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

/** The needs asked for, as far as they exist: district, whether merged, status. */
export function needsByIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('need')
    .select(['id', 'district_id', 'merged_into_id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

type ProjectFields = Omit<MicroProjectInput, 'districtIds' | 'needIds'>;

const columns = (p: ProjectFields) => ({
  name: p.name,
  category: p.category,
  provider: p.provider,
  target_group: p.targetGroup,
  description: p.description,
  starts_on: p.startsOn,
  ends_on: p.endsOn,
  status: p.status,
});

export async function insertProject(db: Kysely<DB>, tenantId: string, p: ProjectFields): Promise<string> {
  const row = await db
    .insertInto('micro_project')
    .values({ tenant_id: tenantId, ...columns(p) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateProject(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  p: ProjectFields,
) {
  return db
    .updateTable('micro_project')
    .set((eb) => ({ ...columns(p), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Replaces the project's districts (those with budget or referrals must stay; the caller checked). */
export async function setProjectDistricts(
  db: Kysely<DB>,
  tenantId: string,
  projectId: string,
  ids: readonly string[],
) {
  await db
    .deleteFrom('micro_project_district')
    .where('tenant_id', '=', tenantId)
    .where('project_id', '=', projectId)
    .where('district_id', 'not in', ids)
    .execute();
  await db
    .insertInto('micro_project_district')
    .values(ids.map((district_id) => ({ tenant_id: tenantId, project_id: projectId, district_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Replaces the needs behind the project; returns the ids of needs newly linked. */
export async function setProjectNeeds(
  db: Kysely<DB>,
  tenantId: string,
  projectId: string,
  ids: readonly string[],
) {
  let del = db
    .deleteFrom('micro_project_need')
    .where('tenant_id', '=', tenantId)
    .where('project_id', '=', projectId);
  if (ids.length > 0) del = del.where('need_id', 'not in', ids);
  await del.execute();
  if (ids.length === 0) return [];
  const added = await db
    .insertInto('micro_project_need')
    .values(ids.map((need_id) => ({ tenant_id: tenantId, project_id: projectId, need_id })))
    .onConflict((oc) => oc.doNothing())
    .returning('need_id')
    .execute();
  return added.map((r) => r.need_id);
}

/** Needs linked to a project that are still open become "in Arbeit". */
export async function needsInWork(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('need')
    .set((eb) => ({ status: 'in_arbeit', version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('status', '=', 'offen')
    .execute();
}

/** Districts of the project that carry budget or referrals (cannot be removed from it). */
export async function districtsInUse(db: Kysely<DB>, tenantId: string, projectId: string) {
  const result = await sql<{ district_id: string }>`
    select district_id from micro_project_budget where tenant_id = ${tenantId} and project_id = ${projectId}
    union
    select district_id from micro_project_referral where tenant_id = ${tenantId} and project_id = ${projectId}`.execute(
    db,
  );
  return result.rows.map((r) => r.district_id);
}

export function loadProject(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('micro_project')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof loadProject>>>;

export function projectDistricts(db: Kysely<DB>, tenantId: string, projectIds: readonly string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('micro_project_district as pd')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'pd.tenant_id').onRef('d.id', '=', 'pd.district_id'),
    )
    .select(['pd.project_id', 'd.id', 'd.name'])
    .where('pd.tenant_id', '=', tenantId)
    .where('pd.project_id', 'in', projectIds)
    .orderBy('d.name')
    .execute();
}

export function projectNeeds(db: Kysely<DB>, tenantId: string, projectId: string) {
  return db
    .selectFrom('micro_project_need as pn')
    .innerJoin('need as n', (j) =>
      j.onRef('n.tenant_id', '=', 'pn.tenant_id').onRef('n.id', '=', 'pn.need_id'),
    )
    .select(['n.id', 'n.text', 'n.mentions', 'n.status'])
    .where('pn.tenant_id', '=', tenantId)
    .where('pn.project_id', '=', projectId)
    .orderBy('n.mentions', 'desc')
    .orderBy('n.id')
    .execute();
}

/** Projects, optionally of one district, status and category, with what is committed to them in `year`. */
export function listProjects(
  db: Kysely<DB>,
  tenantId: string,
  filter: {
    districtId?: string | undefined;
    status?: string | undefined;
    category?: string | undefined;
    year: number;
  },
) {
  let q = db
    .selectFrom('micro_project as p')
    .leftJoin('micro_project_budget as b', (j) =>
      j
        .onRef('b.tenant_id', '=', 'p.tenant_id')
        .onRef('b.project_id', '=', 'p.id')
        .on('b.year', '=', filter.year),
    )
    .select([
      'p.id',
      'p.name',
      'p.category',
      'p.status',
      'p.provider',
      'p.starts_on',
      'p.ends_on',
      sql<string>`coalesce(sum(b.committed), 0)::text`.as('committed'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .groupBy(['p.id', 'p.name', 'p.category', 'p.status', 'p.provider', 'p.starts_on', 'p.ends_on']);
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.category) q = q.where('p.category', '=', filter.category);
  const districtId = filter.districtId;
  if (districtId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('micro_project_district as pd')
          .select('pd.project_id')
          .whereRef('pd.tenant_id', '=', 'p.tenant_id')
          .whereRef('pd.project_id', '=', 'p.id')
          .where('pd.district_id', '=', districtId),
      ),
    );
  return q.orderBy('p.name').orderBy('p.id').limit(1000).execute();
}
export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>[number];
