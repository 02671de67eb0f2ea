import type { DistrictTalkInput, DistrictWalkInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Stadtteilbegehungen, Erkundungen and case-independent talks. */

type WalkFields = Required<DistrictWalkInput>;
type TalkFields = Required<DistrictTalkInput>;

const walkColumns = (w: WalkFields) => ({
  district_id: w.districtId,
  walked_on: w.walkedOn,
  participants: w.participants,
  observations: w.observations,
});
const talkColumns = (t: TalkFields) => ({
  kind: t.kind,
  district_id: t.districtId,
  held_on: t.heldOn,
  topic: t.topic,
  notes: t.notes,
});

export async function insertWalk(
  db: Kysely<DB>,
  tenantId: string,
  owner: { teamId: string; userId: string },
  w: WalkFields,
) {
  const row = await db
    .insertInto('district_walk')
    .values({ tenant_id: tenantId, team_id: owner.teamId, created_by: owner.userId, ...walkColumns(w) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateWalk(db: Kysely<DB>, tenantId: string, id: string, version: number, w: WalkFields) {
  return db
    .updateTable('district_walk')
    .set({ ...walkColumns(w), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function loadWalk(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('district_walk')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type WalkRow = NonNullable<Awaited<ReturnType<typeof loadWalk>>>;

export function listWalks(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('district_walk')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .orderBy('walked_on', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function insertTalk(
  db: Kysely<DB>,
  tenantId: string,
  owner: { teamId: string; userId: string },
  t: TalkFields,
) {
  const row = await db
    .insertInto('district_talk')
    .values({ tenant_id: tenantId, team_id: owner.teamId, created_by: owner.userId, ...talkColumns(t) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateTalk(db: Kysely<DB>, tenantId: string, id: string, version: number, t: TalkFields) {
  return db
    .updateTable('district_talk')
    .set({ ...talkColumns(t), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function loadTalk(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('district_talk')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type TalkRow = NonNullable<Awaited<ReturnType<typeof loadTalk>>>;

export function listTalks(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('district_talk')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .orderBy('held_on', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
}

/** Counts per district of one year: visits, walks, explorations, talks, network meetings (of district networks). */
export async function countsOfYear(db: Kysely<DB>, tenantId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const result = await sql<{
    district_id: string;
    district_name: string;
    visits: number | string;
    walks: number | string;
    explorations: number | string;
    talks: number | string;
    meetings: number | string;
  }>`
    select d.id as district_id, d.name as district_name,
      (select count(*) from institution_visit v
        where v.tenant_id = d.tenant_id and v.district_id = d.id and v.visited_on between ${from} and ${to}) as visits,
      (select count(*) from district_walk w
        where w.tenant_id = d.tenant_id and w.district_id = d.id and w.walked_on between ${from} and ${to}) as walks,
      (select count(*) from district_talk t where t.tenant_id = d.tenant_id and t.district_id = d.id
        and t.kind = 'erkundung' and t.held_on between ${from} and ${to}) as explorations,
      (select count(*) from district_talk t where t.tenant_id = d.tenant_id and t.district_id = d.id
        and t.kind = 'gespraech' and t.held_on between ${from} and ${to}) as talks,
      (select count(*) from district_network_meeting m
        join district_network n on n.tenant_id = m.tenant_id and n.id = m.network_id
        where m.tenant_id = d.tenant_id and n.district_id = d.id and m.held_on between ${from} and ${to}) as meetings
    from district d
    where d.tenant_id = ${tenantId}
    order by d.name, d.id
  `.execute(db);
  return result.rows;
}
