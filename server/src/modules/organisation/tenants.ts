import { defaultHelpTypes } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { startAuditChain } from '../audit/chain.ts';
import { seedProcessDefinitions } from '../processes/definitions.ts';
import { insertFinanceSettings, insertHelpTypes, insertTenant } from './queries/tenants.ts';

/**
 * A Jugendamt. Each starts its own audit chain, the default help-type catalogue, finance settings and the shipped
 * process definitions.
 */
export async function createTenant(db: Kysely<DB>, slug: string, name: string): Promise<string> {
  const row = await insertTenant(db, slug, name);
  await startAuditChain(db, row.id);
  await insertFinanceSettings(db, row.id);
  await insertHelpTypes(
    db,
    defaultHelpTypes.map((h) => ({
      tenant_id: row.id,
      code: h.code,
      name: h.name,
      paragraph: h.paragraph,
      category_rule: h.categoryRule,
      is_hze: h.isHze,
      valid_from: '2000-01-01',
      valid_to: null,
    })),
  );
  await seedProcessDefinitions(db, row.id);
  return row.id;
}
