import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/** Controlling filters cases by district (a Stadtteil's figures): index it like the team. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(db, 'create index case_district_idx on case_file (tenant_id, district_id, opened_on);');
}
