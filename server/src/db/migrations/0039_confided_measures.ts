import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * § 65 SGB VIII for Hilfen, the Kinderschutz records and the Familienrat (docs/data-protection.md): a measure, a § 8a
 * check, a Schutzmaßnahme and the Familienrat (one per case, so its item id is the case id) can be marked as
 * confided. A mark hides their free text only, never the dates, status or figures that deadlines and controlling
 * need. The Familienrat learns who saved it last (`updated_by`, the author who may mark it); rows saved before are
 * null there and count as the case lead's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table confided_mark drop constraint confided_mark_item_type_check;
    alter table confided_mark add constraint confided_mark_item_type_check check (item_type in
      ('case_note', 'case_document', 'risk_consultation', 'will_and_goals', 'mandate',
       'help_plan', 'goal', 'resource', 'network_tie',
       'measure', 'child_protection_check', 'protection_measure', 'family_conference'));
    alter table family_conference add column updated_by uuid;
    `,
  );
}
