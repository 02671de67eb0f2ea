import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePattern } from '../../../shared/like.ts';

/** The Wochenkonferenz: conferences, their items and attendance (docs/conference-and-team.md). */

export function loadConference(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('conference as c')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .select(['c.id', 'c.team_id', 't.name as team_name', 'c.held_on', 'c.minutes', 'c.version'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ConferenceRow = NonNullable<Awaited<ReturnType<typeof loadConference>>>;

export async function teamName(db: Kysely<DB>, tenantId: string, teamId: string) {
  const row = await db
    .selectFrom('team')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  return row?.name;
}

export function listConferences(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('conference as c')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .select((eb) => [
      'c.id',
      'c.team_id',
      't.name as team_name',
      'c.held_on',
      eb
        .selectFrom('conference_item as i')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('i.tenant_id', '=', 'c.tenant_id')
        .whereRef('i.conference_id', '=', 'c.id')
        .as('items'),
      eb
        .selectFrom('conference_attendance as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.tenant_id', '=', 'c.tenant_id')
        .whereRef('a.conference_id', '=', 'c.id')
        .as('attendees'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.team_id', '=', teamId)
    .orderBy('c.held_on', 'desc')
    .limit(200)
    .execute();
}

/** Creates the team's conference of that day, or answers the one already there. */
export async function ensureConference(db: Kysely<DB>, tenantId: string, teamId: string, heldOn: string) {
  await db
    .insertInto('conference')
    .values({ tenant_id: tenantId, team_id: teamId, held_on: heldOn })
    .onConflict((oc) => oc.columns(['tenant_id', 'team_id', 'held_on']).doNothing())
    .execute();
  const row = await db
    .selectFrom('conference')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .where('held_on', '=', heldOn)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The team's first conference on or after the day, if one is planned. */
export async function nextConferenceDay(db: Kysely<DB>, tenantId: string, teamId: string, from: string) {
  const row = await db
    .selectFrom('conference')
    .select('held_on')
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .where('held_on', '>=', from)
    .orderBy('held_on')
    .limit(1)
    .executeTakeFirst();
  return row?.held_on;
}

/** The day of the team's conference before this one, if any. */
export async function previousConferenceDay(
  db: Kysely<DB>,
  tenantId: string,
  teamId: string,
  before: string,
) {
  const row = await db
    .selectFrom('conference')
    .select('held_on')
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .where('held_on', '<', before)
    .orderBy('held_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.held_on;
}

export function updateConference(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  change: { minutes: string; version: number },
) {
  return db
    .updateTable('conference')
    .set({ minutes: change.minutes, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', change.version)
    .executeTakeFirst();
}

export async function setAttendance(
  db: Kysely<DB>,
  tenantId: string,
  conferenceId: string,
  userIds: string[],
) {
  await db
    .deleteFrom('conference_attendance')
    .where('tenant_id', '=', tenantId)
    .where('conference_id', '=', conferenceId)
    .execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('conference_attendance')
    .values(userIds.map((user_id) => ({ tenant_id: tenantId, conference_id: conferenceId, user_id })))
    .execute();
}

/** The active members of the team, with whether they attended the conference. */
export function teamMembers(db: Kysely<DB>, tenantId: string, teamId: string, conferenceId: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('conference_attendance as a', (j) =>
      j
        .onRef('a.tenant_id', '=', 'u.tenant_id')
        .onRef('a.user_id', '=', 'u.id')
        .on('a.conference_id', '=', conferenceId),
    )
    .select(['u.id', 'u.display_name', 'a.user_id as present'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.team_id', '=', teamId)
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** "Tipps und Themen" of the team's conferences whose title or text contains the term. */
export function searchTopics(db: Kysely<DB>, tenantId: string, teamId: string, term: string) {
  const pattern = likePattern(term);
  return db
    .selectFrom('conference_item as i')
    .innerJoin('conference as c', (j) =>
      j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.conference_id'),
    )
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .select([
      'c.id as conference_id',
      'c.held_on',
      't.id as team_id',
      't.name as team_name',
      'i.title',
      'i.body',
    ])
    .where('i.tenant_id', '=', tenantId)
    .where('c.team_id', '=', teamId)
    .where('i.rubric', '=', 'tipps_themen')
    .where((eb) => eb.or([eb('i.title', 'ilike', pattern), eb('i.body', 'ilike', pattern)]))
    .orderBy('c.held_on', 'desc')
    .orderBy('i.id')
    .limit(100)
    .execute();
}
