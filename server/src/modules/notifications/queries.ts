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
 * Each notification goes to every active user it names; a user who already has one with its dedupe key gets none
 * (nor does a later one of the same batch with that key). The whole batch is one statement: its rows go as arrays
 * (six parameters however many rows), inserted in the batch's order. Answers, per notification in order, the ids
 * of the users notified now.
 */
export async function insertNotifications(
  db: Kysely<DB>,
  notifications: readonly NewNotification[],
): Promise<string[][]> {
  const rows = notifications.flatMap((n) => [...new Set(n.userIds)].map((userId) => ({ n, userId })));
  if (rows.length === 0) return notifications.map(() => []);
  const column = <T>(of: (r: (typeof rows)[number]) => T) => rows.map(of);
  const inserted = await sql<InsertedNotification>`
    insert into notification (tenant_id, user_id, kind, title, link, dedupe_key)
    select u.tenant_id, u.id, x.kind, x.title, x.link, x.dedupe_key
    from unnest(${column((r) => r.n.tenantId)}::uuid[], ${column((r) => r.userId)}::uuid[],
      ${column((r) => r.n.kind)}::text[], ${column((r) => r.n.title)}::text[], ${column((r) => r.n.link)}::text[],
      ${column((r) => r.n.dedupeKey)}::text[]) with ordinality as x (tenant_id, user_id, kind, title, link, dedupe_key, ord)
    join app_user u on u.tenant_id = x.tenant_id and u.id = x.user_id and u.active
    order by x.ord
    on conflict (tenant_id, user_id, dedupe_key) do nothing
    returning tenant_id, user_id, kind, title, link, dedupe_key`.execute(db);
  // RETURNING names only the inserted row: each goes back to the first notification of the batch it matches.
  const left = new Map<string, number>();
  for (const r of inserted.rows) left.set(rowKey(r), (left.get(rowKey(r)) ?? 0) + 1);
  return notifications.map((n) =>
    [...new Set(n.userIds)].filter((userId) => {
      const key = rowKey({
        tenant_id: n.tenantId,
        user_id: userId,
        kind: n.kind,
        title: n.title,
        link: n.link,
        dedupe_key: n.dedupeKey,
      });
      const count = left.get(key) ?? 0;
      if (count > 0) left.set(key, count - 1);
      return count > 0;
    }),
  );
}

interface InsertedNotification {
  tenant_id: string;
  user_id: string;
  kind: string;
  title: string;
  link: string | null;
  dedupe_key: string | null;
}

/** Ids compared as PostgreSQL writes them (lower case). */
function rowKey(r: InsertedNotification): string {
  return JSON.stringify([
    r.tenant_id.toLowerCase(),
    r.user_id.toLowerCase(),
    r.kind,
    r.title,
    r.link,
    r.dedupe_key,
  ]);
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
