import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * A planned measure (waiting for the team lead's approval) can be withdrawn: it never ran and never cost anything,
 * and it stays in the case file as "zurückgezogen" instead of being ended or deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `alter table measure drop constraint measure_status_check;
     alter table measure add constraint measure_status_check
       check (status in ('geplant', 'bewilligt', 'zurueckgezogen'));`,
  );
}
