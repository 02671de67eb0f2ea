import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The team of the caseload table and its case workers (the cases come from queries/items.ts scopedCases). */

export interface CaseWorker {
  id: string;
  display_name: string;
}

/**
 * The team's name and its active case workers (case managers and team leads) by name, as one row, sent with the
 * work list's other sources (queries/rows.ts). The workers are ordered by the database, as the table shows them.
 */
export function teamWithCaseWorkers(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('team as t')
    .select([
      't.id',
      't.name',
      sql<
        CaseWorker[]
      >`(select coalesce(json_agg(json_build_object('id', u.id, 'display_name', u.display_name)
          order by u.display_name, u.id), '[]') from app_user u
        where u.tenant_id = t.tenant_id and u.team_id = t.id and u.active
          and u.roles && array['case_manager', 'team_lead']::text[])`.as('staff'),
    ])
    .where('t.tenant_id', '=', tenantId)
    .where('t.id', '=', teamId);
}
export type TeamRow = Awaited<ReturnType<ReturnType<typeof teamWithCaseWorkers>['execute']>>[number];
