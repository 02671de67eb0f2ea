import type { InstitutionVisitInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Institutionenbesuche and their follow-ups (Wiedervorlagen). */

type VisitFields = Omit<Required<InstitutionVisitInput>, 'followUps'>;

const columns = (v: VisitFields) => ({
  institution_name: v.institutionName,
  district_id: v.districtId,
  atlas_entry_id: v.atlasEntryId,
  visited_on: v.visitedOn,
  offers: v.offers,
  contacts: v.contacts,
  access_routes: v.accessRoutes,
  needs_seen: v.needsSeen,
  agreements: v.agreements,
});

export async function insertVisit(
  db: Kysely<DB>,
  tenantId: string,
  owner: { teamId: string; visitorUserId: string },
  v: VisitFields,
) {
  const row = await db
    .insertInto('institution_visit')
    .values({
      tenant_id: tenantId,
      team_id: owner.teamId,
      visitor_user_id: owner.visitorUserId,
      ...columns(v),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateVisit(db: Kysely<DB>, tenantId: string, id: string, version: number, v: VisitFields) {
  return db
    .updateTable('institution_visit')
    .set({ ...columns(v), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Replaces the visit's follow-ups by the ones given. */
export async function setFollowUps(
  db: Kysely<DB>,
  tenantId: string,
  visitId: string,
  followUps: readonly { dueOn: string; text: string; done: boolean }[],
) {
  await db
    .deleteFrom('institution_visit_follow_up')
    .where('tenant_id', '=', tenantId)
    .where('visit_id', '=', visitId)
    .execute();
  if (followUps.length === 0) return;
  await db
    .insertInto('institution_visit_follow_up')
    .values(
      followUps.map((f) => ({
        tenant_id: tenantId,
        visit_id: visitId,
        due_on: f.dueOn,
        text: f.text,
        done: f.done,
      })),
    )
    .execute();
}

export function loadVisit(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('institution_visit')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type VisitRow = NonNullable<Awaited<ReturnType<typeof loadVisit>>>;

export function followUpsOf(db: Kysely<DB>, tenantId: string, visitId: string) {
  return db
    .selectFrom('institution_visit_follow_up')
    .select(['id', 'due_on', 'text', 'done'])
    .where('tenant_id', '=', tenantId)
    .where('visit_id', '=', visitId)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

/** The team's visits, newest first; optionally of one institution (its name, ignoring case) or district. */
export function listVisits(
  db: Kysely<DB>,
  tenantId: string,
  teamId: string,
  filter: { institution?: string | undefined; districtId?: string | undefined },
) {
  let q = db
    .selectFrom('institution_visit as v')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.visitor_user_id'),
    )
    .select((eb) => [
      'v.id',
      'v.institution_name',
      'v.district_id',
      'v.visited_on',
      'v.visitor_user_id',
      'u.display_name as visitor_name',
      eb
        .selectFrom('institution_visit_follow_up as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.tenant_id', '=', 'v.tenant_id')
        .whereRef('f.visit_id', '=', 'v.id')
        .where('f.done', '=', false)
        .as('open_follow_ups'),
    ])
    .where('v.tenant_id', '=', tenantId)
    .where('v.team_id', '=', teamId);
  if (filter.institution) q = q.where(sql<boolean>`lower(v.institution_name) = lower(${filter.institution})`);
  if (filter.districtId) q = q.where('v.district_id', '=', filter.districtId);
  return q.orderBy('v.visited_on', 'desc').orderBy('v.id').limit(1000).execute();
}

/** The institutions the team visited: how often and when last. */
export function visitedInstitutions(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('institution_visit as v')
    .select((eb) => [
      sql<string>`min(v.institution_name)`.as('institution_name'),
      'v.district_id',
      eb.fn.countAll<number>().as('visits'),
      eb.fn.max('v.visited_on').as('last_visited_on'),
    ])
    .where('v.tenant_id', '=', tenantId)
    .where('v.team_id', '=', teamId)
    .groupBy([sql`lower(v.institution_name)`, 'v.district_id'])
    .orderBy(sql`lower(min(v.institution_name))`)
    .execute();
}
