import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** What happens in a project: referrals, participants per quarter, quality reviews. */

export async function insertReferral(
  db: Kysely<DB>,
  tenantId: string,
  r: {
    projectId: string;
    districtId: string;
    referredOn: string;
    route: string;
    caseId: string | null;
    actor: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('micro_project_referral')
    .values({
      tenant_id: tenantId,
      project_id: r.projectId,
      district_id: r.districtId,
      referred_on: r.referredOn,
      route: r.route,
      case_id: r.caseId,
      actor: r.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function projectReferrals(db: Kysely<DB>, tenantId: string, projectId: string) {
  return db
    .selectFrom('micro_project_referral as r')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'r.tenant_id').onRef('d.id', '=', 'r.district_id'),
    )
    .select([
      'r.id',
      'r.referred_on',
      'r.route',
      'r.case_id',
      'r.actor',
      'd.id as district_id',
      'd.name as district_name',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.project_id', '=', projectId)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
}

export async function upsertParticipants(
  db: Kysely<DB>,
  tenantId: string,
  p: { projectId: string; quarter: string; participants: number },
) {
  await db
    .insertInto('micro_project_participants')
    .values({
      tenant_id: tenantId,
      project_id: p.projectId,
      quarter: p.quarter,
      participants: p.participants,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'project_id', 'quarter']).doUpdateSet({ participants: p.participants }),
    )
    .execute();
}

export function projectParticipants(db: Kysely<DB>, tenantId: string, projectId: string) {
  return db
    .selectFrom('micro_project_participants')
    .select(['quarter', 'participants'])
    .where('tenant_id', '=', tenantId)
    .where('project_id', '=', projectId)
    .orderBy('quarter', 'desc')
    .execute();
}

export async function insertReview(
  db: Kysely<DB>,
  tenantId: string,
  r: { projectId: string; kind: string; heldOn: string; summary: string },
): Promise<string> {
  const row = await db
    .insertInto('micro_project_review')
    .values({
      tenant_id: tenantId,
      project_id: r.projectId,
      kind: r.kind,
      held_on: r.heldOn,
      summary: r.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function projectReviews(db: Kysely<DB>, tenantId: string, projectId: string) {
  return db
    .selectFrom('micro_project_review')
    .select(['id', 'kind', 'held_on', 'summary'])
    .where('tenant_id', '=', tenantId)
    .where('project_id', '=', projectId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
