import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Staff named in case records (participants, roles of a kollegiale Beratung, a new lead, a grantee). */

/** Which of these ids are accounts of the tenant's staff directory (active or not: records keep past staff). */
export async function existingStaffIds(
  db: Kysely<DB>,
  tenantId: string,
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', userIds)
    .execute();
  return rows.map((r) => r.id);
}

/** One staff member with what the allocation and grant rules look at. */
export function findStaffMember(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'roles', 'active'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}
