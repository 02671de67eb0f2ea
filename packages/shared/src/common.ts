import { z } from './zod.ts';

export const idSchema = z.uuid({ error: 'Ungültige Kennung.' });

/** Name-like free text: trimmed, not empty, bounded. */
export const nameSchema = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: 'Bitte ausfüllen.' })
    .max(max, { error: `Höchstens ${max} Zeichen.` });

/** Optimistic concurrency: the version the client last saw. */
export const versionSchema = z.int().min(1);

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
