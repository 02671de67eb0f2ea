import type { Notification } from '@leuchtturm/shared';
import type { NotificationRow } from './queries.ts';

export function presentNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind as Notification['kind'],
    title: r.title,
    link: r.link,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}
