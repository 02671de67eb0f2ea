import {
  type NotificationKind,
  type NotificationPage,
  type PageQuery,
  singleLineTextPattern,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { decodeCursor, instantKeySchema, toPage } from '../../shared/pagination.ts';
import { presentNotification } from './presenter.ts';
import { countUnread, insertNotifications, listNotifications, markAllRead, markRead } from './queries.ts';

/**
 * In-app notifications. Each user reads and marks only their own; nobody else's are reachable (another user's id
 * answers like a missing one). Notifications hold no personal data (titles name case numbers, links are app
 * paths), so reading them is not audited; the change that caused one is audited where it happens.
 */

export interface NotifyInput {
  tenantId: string;
  /** Inactive users are skipped. The caller names only users who may see what the link opens. */
  userIds: readonly string[];
  kind: NotificationKind;
  /** German, one line; names records by number (the case number), never a person. */
  title: string;
  /** A path of the web app, e.g. `/faelle/<id>?bereich=vermerke`. */
  link: string | null;
  /** The same event notifies each user once: e.g. `note-corrected:<noteId>`. */
  dedupeKey: string | null;
}

/**
 * Notifies users, in the caller's transaction (a request's `ctx.db` or a job's `db`), so the notification exists
 * exactly when the change that caused it commits. Returns the ids of the users notified now.
 */
export async function notify(db: Kysely<DB>, input: NotifyInput): Promise<string[]> {
  const [notified = []] = await notifyMany(db, [input]);
  return notified;
}

/**
 * `notify` for many notifications in one statement (a sweep's). Every input is checked before anything is written;
 * returns, per input in order, the ids of the users notified now.
 */
export async function notifyMany(db: Kysely<DB>, inputs: readonly NotifyInput[]): Promise<string[][]> {
  for (const input of inputs) {
    if (!input.title.trim() || input.title.length > 200 || !singleLineTextPattern.test(input.title))
      throw new Error('notification title: one line of at most 200 characters');
    if (input.link !== null && !(input.link.startsWith('/') && !input.link.startsWith('//')))
      throw new Error('notification link: a path of the web app');
  }
  return insertNotifications(db, inputs);
}

function me(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return ctx.actor.userId;
}

export async function myNotifications(ctx: Ctx, query: PageQuery): Promise<NotificationPage> {
  const after = decodeCursor(query.cursor, instantKeySchema);
  const rows = await listNotifications(ctx.db, ctx.actor.tenantId, me(ctx), after, query.limit);
  return toPage(rows, query.limit, (r) => ({ at: r.at_key, id: r.id }), presentNotification);
}

export async function myUnreadCount(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await countUnread(ctx.db, ctx.actor.tenantId, me(ctx)) };
}

export async function readNotification(ctx: Ctx, id: string): Promise<void> {
  if (!(await markRead(ctx.db, ctx.actor.tenantId, me(ctx), id, new Date())))
    throw AppError.notFound('Die Benachrichtigung');
}

export async function readAllNotifications(ctx: Ctx): Promise<{ marked: number }> {
  return { marked: await markAllRead(ctx.db, ctx.actor.tenantId, me(ctx), new Date()) };
}
