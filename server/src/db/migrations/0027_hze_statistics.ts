import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The official HzE statistics (docs/hze-statistics.md): per measure the coded fields of its record (validated by
 * the shared zod schema before they are written), per case the family's fields asked at intake, and the office's
 * identification as a finance setting. JSON, because the record layout changes with the statistical office's
 * revisions while nothing in the system queries these fields one by one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table measure add column statistics jsonb;
    alter table case_file add column family_statistics jsonb;
    alter table finance_setting add column hze_office jsonb;
    `,
  );
}
