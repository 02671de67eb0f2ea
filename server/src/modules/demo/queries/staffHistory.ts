import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Every staff period of a tenant holds "since always" (valid_from null). */
export async function staffSinceAlways(db: Kysely<DB>, tenantId: string): Promise<void> {
  await db.updateTable('staff_period').set({ valid_from: null }).where('tenant_id', '=', tenantId).execute();
}
