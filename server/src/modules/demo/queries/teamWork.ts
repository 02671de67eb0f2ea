import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Reads of the demo's team work (Wochenkonferenz, training): the teams, their people, cases and needs. */

export function demoTeams(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('team').select('id').where('tenant_id', '=', tenantId).orderBy('name').execute();
}

export function demoTeamMembers(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'roles'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'is not', null)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** A few open cases of each team, for the Fallberatungen and Kurzberatungen. */
export function demoOpenCases(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('case_file')
    .select(['id', 'team_id', 'district_id'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'offen')
    .orderBy('id')
    .limit(5000)
    .execute();
}

export function demoOpenNeeds(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('need')
    .select(['id', 'district_id', 'text'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'offen')
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .execute();
}
