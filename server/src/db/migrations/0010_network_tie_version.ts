import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/** Entries of the Netzwerkkarte are edited by several people: a version refuses the second of two saves. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(db, 'alter table network_tie add column version integer not null default 1;');
}
