import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Honest mandatory fields (docs/domain.md, "Pflichtfelder und 'unbekannt'"): an adult's date of birth may be
 * unknown (null) instead of invented. Whether the person is a child is a property of the household membership,
 * not of the person, so the rule that a child keeps a date of birth is kept by the service (persons/service.ts)
 * and the shared schema, not by a check on this table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(db, `alter table person alter column birth_date drop not null;`);
}
