import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The demo's HzE statistics (demo/hzeStatistics.ts): the office identification. */

export async function setDemoHzeOffice(db: Kysely<DB>, tenantId: string, office: object): Promise<void> {
  await db
    .updateTable('finance_setting')
    .set({ hze_office: JSON.stringify(office) })
    .where('tenant_id', '=', tenantId)
    .execute();
}
