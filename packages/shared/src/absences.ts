import { idSchema, optionalTextSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/**
 * An absence (Abwesenheit) with its deputy (docs/worklist.md, "Whose list"): from `fromOn` to `toOn` (both
 * inclusive) the deputy opens the absent person's cases and finds their due items on her work list.
 */
export const absenceInputSchema = z.object({
  userId: idSchema,
  deputyUserId: idSchema,
  fromOn: dateSchema,
  toOn: dateSchema,
  note: optionalTextSchema(500).nullable(),
});
export type AbsenceInput = z.infer<typeof absenceInputSchema>;

export const absenceSchema = absenceInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  userName: z.string(),
  deputyName: z.string(),
});
export type Absence = z.infer<typeof absenceSchema>;
