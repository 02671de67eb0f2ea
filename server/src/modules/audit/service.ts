import { type Page, type PageQuery, z } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { chainPendingEntries } from './chain.ts';
import { type LogEntry, presentLogEntry } from './presenter.ts';
import { listLogEntries } from './queries.ts';

/**
 * The protocol, newest first, a page at a time: the cursor is the sequence number of the last entry sent (unique
 * in the tenant's chain). The first page places the waiting read entries into the chain first, so that whoever
 * reads the Protokoll sees every entry committed before, chained; later pages go on below the cursor. Entries name
 * records and people by id only, so reading them is not itself audited.
 */
const cursorSchema = z.object({ seq: z.int().min(1) });

export async function protocolPage(
  ctx: Ctx,
  query: { entityType?: string | undefined; entityId?: string | undefined } & PageQuery,
): Promise<Page<LogEntry>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  if (!after) await chainPendingEntries(ctx.db, ctx.actor.tenantId);
  const rows = await listLogEntries(ctx.db, ctx.actor.tenantId, query, {
    beforeSeq: after?.seq,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => ({ seq: Number(r.seq) }), presentLogEntry);
}
