import type { DuplicateQuery } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { lockUserRow } from './queries.ts';

/**
 * The duplicate search tells any case worker that a person is known to another team and who leads the case: needed
 * to settle responsibility, and open to misuse as a people search. So every lookup is audited with what was
 * searched (docs/decisions.md), and each user may make a limited number in a sliding window. The count is taken
 * from the audit trail itself, which holds each performed lookup anyway and cannot be changed.
 */
export const duplicateLookupLimit = { lookups: 30, windowMinutes: 10 } as const;

const PURPOSE = 'duplicates';

/**
 * What the trail keeps of a lookup: where it was made (at intake or as the office-wide lookup), the terms as
 * searched (trimmed by the schema) and what was found.
 */
function lookupDetails(query: DuplicateQuery) {
  return {
    purpose: PURPOSE,
    via: query.via ?? 'intake',
    terms: { firstName: query.firstName, lastName: query.lastName, birthDate: query.birthDate },
  };
}

/** The lookups that count against the limit: of this purpose, since the window's start. */
export function lookupWindow(now: number): { purpose: string; since: Date } {
  return { purpose: PURPOSE, since: new Date(now - duplicateLookupLimit.windowMinutes * 60_000) };
}

/**
 * Locks the user's account row, so that parallel lookups of one user are counted one after the other: none slips
 * past the limit. The count itself is read by the next statement (queries.ts, duplicateSearch), which sees what the
 * lookup it waited for committed.
 */
export async function queueLookup(ctx: Ctx): Promise<void> {
  if (ctx.actor.userId !== null) await lockUserRow(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
}

/** Refuses the lookup (429, audited) when the user made the allowed number in the window before `now`. */
export function refuseOverLimit(
  query: DuplicateQuery,
  recent: { count: string | number; oldest: Date | string | null },
  now: number,
): void {
  if (Number(recent.count) < duplicateLookupLimit.lookups) return;
  const windowMs = duplicateLookupLimit.windowMinutes * 60_000;
  const oldest = recent.oldest ? new Date(recent.oldest).getTime() : now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError(
    'too_many_attempts',
    `Sie haben in den letzten ${duplicateLookupLimit.windowMinutes} Minuten ${duplicateLookupLimit.lookups}-mal nach Dubletten gesucht. Bitte versuchen Sie es in ${minutes === 1 ? 'einer Minute' : `${minutes} Minuten`} erneut. Die Suche ist begrenzt, weil sie zeigt, wer eine Familie betreut.`,
    {
      retryAfterSeconds,
      audit: {
        action: 'search_refused',
        entityType: 'person',
        details: { ...lookupDetails(query), reason: 'rate_limit' },
      },
    },
  );
}

/** Records a performed lookup: the terms, the number of hits and which persons they were. */
export function auditDuplicateLookup(ctx: Ctx, query: DuplicateQuery, personIds: string[]): Promise<void> {
  return ctx.audit({
    action: 'search',
    entityType: 'person',
    details: { ...lookupDetails(query), hits: personIds.length, personIds },
  });
}
