import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { notCheckAssessmentStep } from './items.ts';

/** The escalation of passed child-protection deadlines (worklist/escalation.ts, migration 0016). */

type SourceType = 'child_protection_check' | 'process_step';

export function allTenantIds(db: Kysely<DB>) {
  return db.selectFrom('tenant').select('id').orderBy('id').execute();
}

/**
 * Records every child-protection deadline of the tenant that has passed by `now` and was not escalated yet, and
 * answers those rows: the assessment of an open § 8a check (its urgency set the deadline, no assessment yet) and
 * the open steps of running child-protection processes, except the assessment step of a check's own process (the
 * check's deadline is that one). The unique key makes this claim once per deadline, whoever runs it.
 */
export function claimPassedDeadlines(db: Kysely<DB>, tenantId: string, now: Date, limit: number) {
  const checks = db
    .selectFrom('child_protection_check as k')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'),
    )
    .select([
      'k.tenant_id',
      'k.case_id',
      sql<SourceType>`'child_protection_check'`.as('source_type'),
      'k.id as source_id',
      sql<Date>`k.assessment_due_at`.as('due_at'),
      sql<Date>`${now}::timestamptz`.as('escalated_at'),
    ])
    .where('k.tenant_id', '=', tenantId)
    .where('k.status', '=', 'offen')
    .where('k.assessment_held_at', 'is', null)
    .where('k.assessment_due_at', '<=', now)
    .where('c.status', '=', 'offen');
  const steps = db
    .selectFrom('process_step as s')
    .innerJoin('process_instance as i', (j) =>
      j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
    )
    .innerJoin('process_definition as d', (j) =>
      j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
    )
    .select([
      's.tenant_id',
      's.case_id',
      sql<SourceType>`'process_step'`.as('source_type'),
      's.id as source_id',
      sql<Date>`s.due_at`.as('due_at'),
      sql<Date>`${now}::timestamptz`.as('escalated_at'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.state', '=', 'offen')
    .where('s.due_at', '<=', now)
    .where('i.status', '=', 'running')
    .where('d.key', '=', 'kinderschutz')
    .where(notCheckAssessmentStep);
  return db
    .insertInto('deadline_escalation')
    .columns(['tenant_id', 'case_id', 'source_type', 'source_id', 'due_at', 'escalated_at'])
    .expression((eb) =>
      eb
        .selectFrom(checks.unionAll(steps).as('x'))
        .selectAll()
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('deadline_escalation as e')
                .select('e.id')
                .where('e.tenant_id', '=', tenantId)
                .whereRef('e.source_type', '=', 'x.source_type')
                .whereRef('e.source_id', '=', 'x.source_id')
                .whereRef('e.due_at', '=', 'x.due_at'),
            ),
          ),
        )
        // Oldest first, at most this many a run: a backlog (the first start) is worked off minute by minute.
        .orderBy('x.due_at')
        .orderBy('x.source_id')
        .limit(limit),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'source_type', 'source_id', 'due_at']).doNothing())
    .returning(['id', 'case_id', 'source_type', 'source_id', 'due_at'])
    .execute();
}
export type ClaimedDeadline = Awaited<ReturnType<typeof claimPassedDeadlines>>[number];

/**
 * What the escalation needs about these cases: number, team, lead, grants (the access rule's subject), and the
 * team's leads: its named lead and the active holders of the role in the team.
 */
export function escalationCases(db: Kysely<DB>, tenantId: string, caseIds: string[], today: string) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .select([
      'c.id',
      'c.case_number',
      'c.team_id',
      'c.lead_user_id',
      sql<string[]>`coalesce((select array_agg(g.user_id) from case_access_grant g
        where g.tenant_id = c.tenant_id and g.case_id = c.id and (g.valid_until is null or g.valid_until >= ${today}::date)), '{}')`.as(
        'granted',
      ),
      sql<
        string[]
      >`array(select u.id from app_user u where u.tenant_id = c.tenant_id and u.team_id = c.team_id
        and u.active and 'team_lead' = any(u.roles)
        union select t.lead_user_id where t.lead_user_id is not null)`.as('team_lead_ids'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', 'in', caseIds)
    .execute();
}

/** The deputies (Vertretungen) of these users. */
export function deputiesOf(db: Kysely<DB>, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deputy')
    .select(['user_id', 'deputy_user_id'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** The titles of these process steps, from their definition. */
export function stepTitles(db: Kysely<DB>, tenantId: string, stepIds: string[]) {
  if (stepIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('process_step as s')
    .innerJoin('process_instance as i', (j) =>
      j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
    )
    .innerJoin('process_definition as d', (j) =>
      j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
    )
    .select(['s.id', sql<string>`d.steps -> s.position ->> 'title'`.as('title')])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id', 'in', stepIds)
    .execute();
}

export async function recordNotified(db: Kysely<DB>, tenantId: string, id: string, userIds: string[]) {
  await db
    .updateTable('deadline_escalation')
    .set({ notified_user_ids: userIds })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
