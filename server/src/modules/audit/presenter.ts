import { idSchema, z } from '@leuchtturm/shared';
import type { LogEntryRow } from './queries.ts';

/**
 * A protocol entry as the API shows it: who did what to which record, when. Details stay in the database. The
 * action is read back as text: the log is history, and an entry must stay readable whatever the code writes today.
 */
export const logEntrySchema = z.object({
  seq: z.int(),
  at: z.iso.datetime({ offset: true }),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const presentLogEntry = (r: LogEntryRow): LogEntry => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorName: r.display_name,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
});
