import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { startAuditChain } from '../audit/chain.ts';

/** A Jugendamt. Each starts its own audit chain. */
export async function createTenant(db: Kysely<DB>, slug: string, name: string): Promise<string> {
  const row = await db.insertInto('tenant').values({ slug, name }).returning('id').executeTakeFirstOrThrow();
  await startAuditChain(db, row.id);
  return row.id;
}
