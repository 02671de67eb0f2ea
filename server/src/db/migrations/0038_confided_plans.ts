import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * § 65 SGB VIII for the planning records of the case file (docs/data-protection.md): a Hilfeplan version, a
 * Handlungsziel (its Handlungsschritte go with it: the steps are rewritten on every save of the sheet, so they have
 * no lasting id of their own), an entry of the Ressourcenkarte and one of the Netzwerkkarte can be marked as
 * confided like a note. Who marks a record is its author, so resources and network ties learn who recorded them
 * (`created_by`; null before, their author is then the case's lead). A Hilfeplan knows its author already; a
 * Handlungsziel's author is whoever saved the Wille-und-Ziele sheet last (every save rewrites every goal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table confided_mark drop constraint confided_mark_item_type_check;
    alter table confided_mark add constraint confided_mark_item_type_check check (item_type in
      ('case_note', 'case_document', 'risk_consultation', 'will_and_goals', 'mandate',
       'help_plan', 'goal', 'resource', 'network_tie'));
    alter table resource add column created_by uuid;
    alter table network_tie add column created_by uuid;
    `,
  );
}
