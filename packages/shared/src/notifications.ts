import { labelled } from './catalogues.ts';
import { idSchema } from './common.ts';
import { pageSchema } from './pagination.ts';
import { z } from './zod.ts';

/**
 * In-app notifications (Benachrichtigungen): a title and a link into the app, for one user. Titles name records by
 * their number (the case number), never a person: the recipient may not be allowed to see more.
 */
export const notificationKinds = labelled({
  vermerk_korrigiert: 'Vermerk korrigiert',
  hinweis: 'Hinweis',
  kinderschutz_frist: 'Kinderschutzfrist überschritten',
  aufbewahrung_faellig: 'Aufbewahrungsfrist abgelaufen',
});
export type NotificationKind = (typeof notificationKinds.values)[number];

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(notificationKinds.values),
  title: z.string(),
  /** A path of the web app ("/faelle/<id>?bereich=vermerke"), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = pageSchema(notificationSchema);
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;
