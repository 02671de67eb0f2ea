import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePattern } from '../../../shared/like.ts';

/** Expertise, training status and the knowledge base (docs/conference-and-team.md). */

/** Active staff with at least one specialisation (Fachgebiet). */
export function expertiseRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'u.tenant_id').onRef('t.id', '=', 'u.team_id'))
    .select(['u.specialisations', 'u.id', 'u.display_name', 't.name as team_name'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.active', '=', true)
    .where(sql<boolean>`cardinality(u.specialisations) > 0`)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export function loadMember(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function setExpertise(db: Kysely<DB>, tenantId: string, userId: string, topics: string[]) {
  await db
    .updateTable('app_user')
    .set({ specialisations: topics })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

export function teamPeople(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export function trainingRows(db: Kysely<DB>, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_status')
    .select(['user_id', 'module', 'done_on', 'planned_year'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', userIds)
    .execute();
}

export async function setTraining(
  db: Kysely<DB>,
  tenantId: string,
  key: { userId: string; module: number },
  status: { doneOn: string | null; plannedYear: number | null } | null,
) {
  await db
    .deleteFrom('training_status')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', key.userId)
    .where('module', '=', key.module)
    .execute();
  if (!status) return;
  await db
    .insertInto('training_status')
    .values({
      tenant_id: tenantId,
      user_id: key.userId,
      module: key.module,
      done_on: status.doneOn,
      planned_year: status.plannedYear,
    })
    .execute();
}

export function listKnowledge(db: Kysely<DB>, tenantId: string, term: string | undefined) {
  let q = db
    .selectFrom('knowledge_page')
    .select(['id', 'kind', 'title', 'body', 'updated_at'])
    .where('tenant_id', '=', tenantId);
  if (term) {
    const pattern = likePattern(term);
    q = q.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('body', 'ilike', pattern)]));
  }
  return q.orderBy('kind').orderBy('title').limit(200).execute();
}

export function loadKnowledge(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('knowledge_page')
    .select(['id', 'kind', 'title', 'body', 'updated_at', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function titleTaken(db: Kysely<DB>, tenantId: string, title: string, exceptId: string | null) {
  let q = db
    .selectFrom('knowledge_page')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('title', '=', title);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertKnowledge(
  db: Kysely<DB>,
  tenantId: string,
  page: { kind: string; title: string; body: string; updatedBy: string | null },
) {
  const row = await db
    .insertInto('knowledge_page')
    .values({
      tenant_id: tenantId,
      kind: page.kind,
      title: page.title,
      body: page.body,
      updated_by: page.updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateKnowledge(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  page: { kind: string; title: string; body: string; updatedBy: string | null; version: number },
) {
  return db
    .updateTable('knowledge_page')
    .set({
      kind: page.kind,
      title: page.title,
      body: page.body,
      updated_by: page.updatedBy,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', page.version)
    .executeTakeFirst();
}
