import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The case-independent source of the work list: the open follow-ups (Wiedervorlagen) of the Institutionenbesuche
 * `userId` made, due by `until` (docs/district-visits-and-networks.md); sent with the other sources (queries/rows.ts).
 */
export function dueVisitFollowUps(db: Kysely<DB>, tenantId: string, userId: string, until: string) {
  return db
    .selectFrom('institution_visit_follow_up as f')
    .innerJoin('institution_visit as v', (j) =>
      j.onRef('v.tenant_id', '=', 'f.tenant_id').onRef('v.id', '=', 'f.visit_id'),
    )
    .select(['f.id', 'f.due_on', 'f.text', 'v.id as visit_id', 'v.institution_name'])
    .where('f.tenant_id', '=', tenantId)
    .where('v.visitor_user_id', '=', userId)
    .where('f.done', '=', false)
    .where('f.due_on', '<=', until);
}
export type VisitFollowUpRow = Awaited<ReturnType<ReturnType<typeof dueVisitFollowUps>['execute']>>[number];
