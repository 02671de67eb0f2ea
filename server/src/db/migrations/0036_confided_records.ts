import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * § 65 SGB VIII for the records of the case file (docs/data-protection.md): Wille und Ziele (one sheet per case, so
 * its item id is the case id) and an Auftrag or Auflage can be marked as confided like a note. Who marks a record is
 * its author, so the records learn who wrote them: `will_and_goals.updated_by` (the last save) and
 * `mandate.created_by`. Rows saved before are null there; their author is the case's lead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table confided_mark drop constraint confided_mark_item_type_check;
    alter table confided_mark add constraint confided_mark_item_type_check check (item_type in
      ('case_note', 'case_document', 'risk_consultation', 'will_and_goals', 'mandate'));
    alter table will_and_goals add column updated_by uuid;
    alter table mandate add column created_by uuid;
    `,
  );
}
