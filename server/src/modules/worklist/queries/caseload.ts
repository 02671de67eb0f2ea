import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The team of the caseload table and its case workers (the cases come from queries/items.ts scopedCases). */

/** The team's name and its active case workers (case managers and team leads), by name. */
export async function teamWithCaseWorkers(db: Kysely<DB>, tenantId: string, teamId: string) {
  const [team, staff] = await Promise.all([
    db
      .selectFrom('team')
      .select(['id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', teamId)
      .executeTakeFirst(),
    db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('tenant_id', '=', tenantId)
      .where('team_id', '=', teamId)
      .where('active', '=', true)
      .where(sql<boolean>`roles && array['case_manager', 'team_lead']::text[]`)
      .orderBy('display_name')
      .orderBy('id')
      .execute(),
  ]);
  return { team, staff };
}
