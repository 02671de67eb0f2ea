import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { staffSinceAlways } from './queries/staffHistory.ts';

/**
 * The demo's staff history: the trigger on app_user records every member of staff from the day the demo is
 * generated; the demo city's staff has been in place since before its first case, so their periods hold "since
 * always" (valid_from null) and past years have their Ist.
 */
export function backdateDemoStaff(db: Kysely<DB>, tenantId: string): Promise<void> {
  return staffSinceAlways(db, tenantId);
}
