import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The Einschätzungshilfe of a check's visit (visit_checklist_entry, migration 0015): one row per area. */

export function checklistEntries(db: Kysely<DB>, tenantId: string, checkId: string) {
  return db
    .selectFrom('visit_checklist_entry')
    .select(['area', 'rating', 'note', 'recorded_by', 'recorded_at'])
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
