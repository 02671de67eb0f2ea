import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The duplicate search by name (persons/queries.ts, duplicateSearch): without a date of birth it takes the persons
 * with the same Kölner Phonetik of the last name, and with one also those of that name whose date is unknown. Only
 * person_birth_idx served it, so a search by name read every person of the tenant. The date after the name makes
 * the second case (`phonetic_last = ? and birth_date is null`) one range of the index too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    'create index person_phonetic_idx on person (tenant_id, phonetic_last, birth_date);',
  );
}
