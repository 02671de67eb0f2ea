import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InstantKey } from '../../shared/pagination.ts';

/** Every statement of the notifications (migration 0013). */

export interface NewNotification {
  tenantId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  link: string | null;
  dedupeKey: string | null;
}

/**
 * One notification per active user named; a user who already has one with this dedupe key gets none. Returns the
 * ids of the users notified now.
 */
export async function insertNotifications(db: Kysely<DB>, n: NewNotification): Promise<string[]> {
  if (n.userIds.length === 0) return [];
  const rows = await db
    .insertInto('notification')
    .columns(['tenant_id', 'user_id', 'kind', 'title', 'link', 'dedupe_key'])
    .expression((eb) =>
      eb
        .selectFrom('app_user')
        .select([
          'tenant_id',
          'id',
          eb.val(n.kind).as('kind'),
          eb.val(n.title).as('title'),
          eb.val(n.link).as('link'),
          eb.val(n.dedupeKey).as('dedupe_key'),
        ])
        .where('tenant_id', '=', n.tenantId)
        .where('id', 'in', [...n.userIds])
        .where('active', '=', true),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'dedupe_key']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** A user's notifications, newest first, `limit + 1` after the cursor. */
export function listNotifications(
  db: Kysely<DB>,
  tenantId: string,
  userId: string,
  after: InstantKey | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('notification')
    .select([
      'id',
      'kind',
      'title',
      'link',
      'created_at',
      'read_at',
      sql<string>`created_at::text`.as('at_key'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId);
  if (after) q = q.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Kysely<DB>, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read (again: a no-op); false when the user has none with this id. */
export async function markRead(db: Kysely<DB>, tenantId: string, userId: string, id: string, now: Date) {
  const row = await db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Kysely<DB>, tenantId: string, userId: string, now: Date) {
  const result = await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
