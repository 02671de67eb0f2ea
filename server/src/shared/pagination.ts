import { type Page, z } from '@leuchtturm/shared';
import { AppError } from './errors.ts';

/**
 * Cursors are the sort key of the last item sent, as base64url JSON: opaque to the client, checked against a schema
 * when they come back (a forged cursor is bad input, answered 400 on the field `cursor`).
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppError.validation('cursor', 'Ungültige Seitenmarke. Bitte die Liste neu laden.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw AppError.validation('cursor', 'Ungültige Seitenmarke. Bitte die Liste neu laden.');
  return parsed.data;
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only tells that there is more. The cursor is the key of
 * the last row sent.
 */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => unknown,
  present: (row: R) => T,
): Page<T> {
  const sent = rows.slice(0, limit);
  const last = sent.at(-1);
  return {
    items: sent.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * The key of lists ordered by an instant and an id (newest first). The instant travels as PostgreSQL's own text
 * of the value (`::text`, with microseconds and offset), since a JavaScript Date would cut off the microseconds
 * and the next page would repeat or skip rows.
 */
export const instantTextSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/);
export const instantKeySchema = z.object({ at: instantTextSchema, id: z.uuid() });
export type InstantKey = z.output<typeof instantKeySchema>;
