import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  type ContentViewer,
  confidedShownSql,
  shownOr,
  shownOrNull,
} from '../../confided/queries/visibility.ts';

/**
 * The Familienrat (one per case; its § 65 item id is the case's), as § 65 lets the viewer see it: its texts or the
 * placeholder, `shown` telling which; date, phase and follow-up stay visible. The case page (inside its statement,
 * queries/detail.ts) and the Auskunft (`conferencesOfCases`) read it here.
 */
export function familyConferences(db: Kysely<DB>, tenantId: string, viewer: ContentViewer) {
  const shown = confidedShownSql('family_conference', 'f.tenant_id', 'f.case_id', viewer);
  return db
    .selectFrom('family_conference as f')
    .select([
      'f.case_id',
      'f.phase',
      'f.held_on',
      'f.follow_up_on',
      'f.version',
      'f.updated_by',
      shownOr(shown, 'f.concern').as('concern'),
      ...(['coordinator', 'participants', 'place', 'family_plan', 'office_decision'] as const).map((c) =>
        shownOrNull(shown, `f.${c}`).as(c),
      ),
      shown.as('shown'),
    ])
    .where('f.tenant_id', '=', tenantId);
}

/** The Familienrat of these cases. */
export function conferencesOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return familyConferences(db, tenantId, viewer)
    .where('f.case_id', 'in', [...caseIds])
    .execute();
}
