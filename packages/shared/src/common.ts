import { z } from './zod.ts';

export const idSchema = z.uuid({ error: 'Ungültige Kennung.' });

/*
 * Free text. PostgreSQL refuses NUL in text; the other control characters (C0 except tab, line feed and carriage
 * return, DEL, C1) are never meant in a name or a note and would break exports and printed forms. Multi-line text
 * keeps tab, line feed and carriage return; a single line has none of them. Patterns, not refinements, so the rule
 * also stands in the OpenAPI document. (Unpaired UTF-16 surrogates need no rule: the database drivers store them as
 * U+FFFD.)
 */
const controlCharacters = String.raw`\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F`;
export const multiLineTextPattern = new RegExp(`^[^${controlCharacters}]*$`);
export const singleLineTextPattern = new RegExp(String.raw`^[^${controlCharacters}\t\n\r]*$`);
/** Finds a character no text field takes (faster than the anchored patterns on long input). */
export const forbiddenTextCharacter = new RegExp(`[${controlCharacters}]`);
export const controlCharacterMessage = 'Der Text enthält Steuerzeichen, die nicht gespeichert werden können.';
const singleLineMessage = 'Bitte in einer Zeile, ohne Zeilenumbruch, Tabulator oder Steuerzeichen.';

/** One line of text (labels, search terms): trimmed, bounded, may be empty. */
export const lineSchema = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.`, abort: true })
    .regex(singleLineTextPattern, { error: singleLineMessage });

/** Name-like free text: one line, trimmed, not empty, bounded. */
export const nameSchema = (max = 200) => lineSchema(max).min(1, { error: 'Bitte ausfüllen.' });

/** Text of several lines (concerns, minutes, plans): trimmed, not empty, bounded. */
export const textSchema = (max = 4000) => optionalTextSchema(max).min(1, { error: 'Bitte ausfüllen.' });

/** Text of several lines that may be left empty (the value is then '' or null). */
export const optionalTextSchema = (max = 4000) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.`, abort: true })
    .regex(multiLineTextPattern, { error: controlCharacterMessage });

/** The range of a PostgreSQL `integer` column: a larger number would fail in the database, not in validation. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** An integer for an `integer` column, within [min, max] and never beyond the column's range. */
export const intSchema = ({ min = INT4_MIN, max = INT4_MAX }: { min?: number; max?: number } = {}) =>
  z
    .int({ error: 'Bitte eine ganze Zahl angeben.' })
    .min(Math.max(min, INT4_MIN), { error: `Mindestens ${Math.max(min, INT4_MIN)}.` })
    .max(Math.min(max, INT4_MAX), { error: `Höchstens ${Math.min(max, INT4_MAX)}.` });

/** Optimistic concurrency: the version the client last saw. */
export const versionSchema = intSchema({ min: 1 });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
