import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The demo's staff history: the trigger on app_user records every member of staff from the day the demo is
 * generated; the demo city's staff has been in place since before its first case, so their periods hold "since
 * always" (valid_from null) and past years have their Ist.
 */
export async function backdateDemoStaff(db: Kysely<DB>, tenantId: string): Promise<void> {
  await db.updateTable('staff_period').set({ valid_from: null }).where('tenant_id', '=', tenantId).execute();
}
