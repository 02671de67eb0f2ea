import type { NetworkInput, NetworkMeetingInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Networks by age cohort, their members and meetings. */

type NetworkFields = Required<NetworkInput>;
type MeetingFields = Required<NetworkMeetingInput>;

const columns = (n: NetworkFields) => ({
  name: n.name,
  age_cohort: n.ageCohort,
  district_id: n.districtId,
  social_centre_id: n.socialCentreId,
  rules_of_procedure: n.rulesOfProcedure,
});

export async function insertNetwork(db: Kysely<DB>, tenantId: string, teamId: string, n: NetworkFields) {
  const row = await db
    .insertInto('district_network')
    .values({ tenant_id: tenantId, team_id: teamId, ...columns(n) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateNetwork(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  n: NetworkFields,
) {
  return db
    .updateTable('district_network')
    .set({ ...columns(n), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Replaces the network's members: staff by user id, outside members as name and organisation. */
export async function setMembers(db: Kysely<DB>, tenantId: string, networkId: string, n: NetworkFields) {
  await db
    .deleteFrom('district_network_staff')
    .where('tenant_id', '=', tenantId)
    .where('network_id', '=', networkId)
    .execute();
  await db
    .deleteFrom('district_network_external')
    .where('tenant_id', '=', tenantId)
    .where('network_id', '=', networkId)
    .execute();
  const staff = [...new Set(n.staffUserIds)];
  if (staff.length > 0)
    await db
      .insertInto('district_network_staff')
      .values(staff.map((user_id) => ({ tenant_id: tenantId, network_id: networkId, user_id })))
      .execute();
  if (n.externalMembers.length > 0)
    await db
      .insertInto('district_network_external')
      .values(
        n.externalMembers.map((m, position) => ({
          tenant_id: tenantId,
          network_id: networkId,
          name: m.name,
          organisation: m.organisation ?? '',
          position,
        })),
      )
      .execute();
}

export function loadNetwork(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('district_network')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type NetworkRow = NonNullable<Awaited<ReturnType<typeof loadNetwork>>>;

export function listNetworks(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('district_network as n')
    .leftJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'n.tenant_id').onRef('d.id', '=', 'n.district_id'),
    )
    .leftJoin('social_centre as c', (j) =>
      j.onRef('c.tenant_id', '=', 'n.tenant_id').onRef('c.id', '=', 'n.social_centre_id'),
    )
    .select((eb) => [
      'n.id',
      'n.name',
      'n.age_cohort',
      'n.district_id',
      'd.name as district_name',
      'n.social_centre_id',
      'c.name as centre_name',
      eb
        .selectFrom('district_network_staff as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.tenant_id', '=', 'n.tenant_id')
        .whereRef('s.network_id', '=', 'n.id')
        .as('staff'),
      eb
        .selectFrom('district_network_external as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.tenant_id', '=', 'n.tenant_id')
        .whereRef('x.network_id', '=', 'n.id')
        .as('external'),
      eb
        .selectFrom('district_network_meeting as m')
        .select(sql<string>`max(m.held_on)`.as('d'))
        .whereRef('m.tenant_id', '=', 'n.tenant_id')
        .whereRef('m.network_id', '=', 'n.id')
        .as('last_meeting_on'),
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.team_id', '=', teamId)
    .orderBy('n.age_cohort')
    .orderBy('n.name')
    .execute();
}
export type NetworkListRow = Awaited<ReturnType<typeof listNetworks>>[number];

export async function membersOf(db: Kysely<DB>, tenantId: string, networkId: string) {
  const [staff, external] = await Promise.all([
    db
      .selectFrom('district_network_staff as s')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
      )
      .select(['u.id', 'u.display_name'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.network_id', '=', networkId)
      .orderBy('u.display_name')
      .execute(),
    db
      .selectFrom('district_network_external')
      .select(['name', 'organisation'])
      .where('tenant_id', '=', tenantId)
      .where('network_id', '=', networkId)
      .orderBy('position')
      .execute(),
  ]);
  return { staff, external };
}

export async function insertMeeting(
  db: Kysely<DB>,
  tenantId: string,
  owner: { networkId: string; userId: string },
  m: MeetingFields,
) {
  const row = await db
    .insertInto('district_network_meeting')
    .values({
      tenant_id: tenantId,
      network_id: owner.networkId,
      created_by: owner.userId,
      held_on: m.heldOn,
      minutes: m.minutes,
      agreements: m.agreements,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateMeeting(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  m: MeetingFields,
) {
  return db
    .updateTable('district_network_meeting')
    .set({ held_on: m.heldOn, minutes: m.minutes, agreements: m.agreements, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function loadMeeting(db: Kysely<DB>, tenantId: string, networkId: string, id: string) {
  return db
    .selectFrom('district_network_meeting')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function meetingsOf(db: Kysely<DB>, tenantId: string, networkId: string) {
  return db
    .selectFrom('district_network_meeting')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('network_id', '=', networkId)
    .orderBy('held_on', 'desc')
    .orderBy('id')
    .execute();
}

export async function centreExists(db: Kysely<DB>, tenantId: string, id: string) {
  const row = await db
    .selectFrom('social_centre')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
