import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The tenant's data version: advanced by triggers in every transaction that changes a record the figures are
 * computed from (migration 0009), never by a read. 0 before the first change.
 */
export async function dataVersion(db: Kysely<DB>, tenantId: string): Promise<number> {
  const result = await sql<{ version: string | number }>`
    select version from data_version where tenant_id = ${tenantId}`.execute(db);
  return Number(result.rows[0]?.version ?? 0);
}
