import { z } from './zod.ts';

/**
 * The one pagination model for lists that can grow: the client asks for `limit` items after an opaque `cursor`
 * (absent for the first page) and gets `items` and the `nextCursor` to ask for the following page (null at the end).
 */
export const pageQuerySchema = z.object({
  cursor: z.string().max(500, { error: 'Ungültige Seitenmarke.' }).optional(),
  limit: z.coerce
    .number()
    .int({ error: 'Bitte eine ganze Zahl.' })
    .min(1, { error: 'Mindestens 1.' })
    .max(500, { error: 'Höchstens 500 Einträge je Seite.' })
    .default(100),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A list's query string: its own filters and the page parameters. */
export function pagedQuerySchema<S extends z.ZodRawShape>(filters: z.ZodObject<S>) {
  return filters.extend(pageQuerySchema.shape);
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
