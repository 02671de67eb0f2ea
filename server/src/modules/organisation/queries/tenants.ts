import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { HelpTypeTable } from '../../../db/schema-measures.ts';

/** A new Jugendamt (tenant) and the settings every tenant starts with. */

export function insertTenant(db: Kysely<DB>, slug: string, name: string) {
  return db.insertInto('tenant').values({ slug, name }).returning('id').executeTakeFirstOrThrow();
}

/** The finance settings with their defaults. */
export async function insertFinanceSettings(db: Kysely<DB>, tenantId: string) {
  await db.insertInto('finance_setting').values({ tenant_id: tenantId }).execute();
}

export async function insertHelpTypes(db: Kysely<DB>, rows: Insertable<HelpTypeTable>[]) {
  await db.insertInto('help_type').values(rows).execute();
}

/** The name of the Jugendamt, as it heads its letters and forms. */
export function findTenantName(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow();
}
