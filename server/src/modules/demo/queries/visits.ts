import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Each team with its Sozialzentrum, the districts it is responsible for and its case workers (for the demo). */
export async function teamsForDistrictWork(db: Kysely<DB>, tenantId: string) {
  const teams = await db
    .selectFrom('team')
    .select(['id', 'social_centre_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const districts = await sql<{ team_id: string; district_id: string }>`
    select distinct r.team_id, s.district_id
      from responsibility r join street s on s.tenant_id = r.tenant_id and s.id = r.street_id
     where r.tenant_id = ${tenantId}
     order by r.team_id, s.district_id
  `.execute(db);
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'username'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'is not', null)
    .where('active', '=', true)
    .orderBy('username')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    centreId: t.social_centre_id,
    districtIds: districts.rows.filter((d) => d.team_id === t.id).map((d) => d.district_id),
    users: users.filter((u) => u.team_id === t.id),
  }));
}
