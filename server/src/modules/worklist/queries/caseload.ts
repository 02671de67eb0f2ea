import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The team's caseload: its open cases by lead case manager and current Falleinordnung, and its staff. */

/** The current area of case `c`: its latest Kurzberatung (as "Meine Fälle" reads it). */
const areaOf = sql<string | null>`(select rc.area from risk_consultation rc where rc.tenant_id = c.tenant_id
  and rc.case_id = c.id order by rc.held_on desc, rc.created_at desc limit 1)`;

/** Open cases of the team counted by lead (null: not allocated) and area (null: not classified). */
export function openCasesByLeadAndArea(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('case_file as c')
        .select(['c.tenant_id', 'c.lead_user_id', areaOf.as('area')])
        .where('c.tenant_id', '=', tenantId)
        .where('c.team_id', '=', teamId)
        .where('c.status', '=', 'offen')
        .as('x'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'x.tenant_id').onRef('u.id', '=', 'x.lead_user_id'),
    )
    .select((eb) => [
      'x.lead_user_id',
      'u.display_name as lead_name',
      'x.area',
      eb.fn.countAll<string>().as('cases'),
    ])
    .groupBy(['x.lead_user_id', 'u.display_name', 'x.area'])
    .execute();
}

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
