import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type ContentViewer, confidedShownSql, shownOrNull } from '../../confided/queries/visibility.ts';

/** The Einschätzungshilfe of a check's visit (visit_checklist_entry, migration 0015): one row per area. */

/** The answers; a note is the check's free text, so a § 65 mark on the check withholds it (ratings stay). */
export function checklistEntries(db: Kysely<DB>, tenantId: string, checkId: string, viewer: ContentViewer) {
  const shown = confidedShownSql(
    'child_protection_check',
    'visit_checklist_entry.tenant_id',
    'visit_checklist_entry.check_id',
    viewer,
  );
  return db
    .selectFrom('visit_checklist_entry')
    .select([
      'area',
      'rating',
      shownOrNull(shown, 'visit_checklist_entry.note').as('note'),
      'recorded_by',
      'recorded_at',
    ])
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .execute();
}
export type ChecklistRow = Awaited<ReturnType<typeof checklistEntries>>[number];

/** Sets the check's answers to exactly these (none: the visit has no Einschätzungshilfe any more). */
export async function replaceChecklist(
  db: Kysely<DB>,
  tenantId: string,
  checkId: string,
  entries: { area: string; rating: string; note: string | null }[],
  recordedBy: string | null,
): Promise<void> {
  await db
    .deleteFrom('visit_checklist_entry')
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .execute();
  if (entries.length === 0) return;
  await db
    .insertInto('visit_checklist_entry')
    .values(
      entries.map((e) => ({
        tenant_id: tenantId,
        check_id: checkId,
        area: e.area,
        rating: e.rating,
        note: e.note,
        recorded_by: recordedBy,
      })),
    )
    .execute();
}
