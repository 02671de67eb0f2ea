import type { z } from '@leuchtturm/shared';
import type { FieldErrors } from '../../app/form.ts';

/** The shared schemas' examples use the API's decimal point ("123.45"); the form takes a decimal comma. */
export function germanExamples(message: string): string {
  return message.replace(/z\. B\. ([^.]*?\d)\.(\d+)/g, 'z. B. $1,$2');
}

/**
 * Validates with a shared schema and shows every message under its field, keyed by the full path
 * ("rate.amount"), together with checks the schema cannot make (`extra`, which take precedence). A required choice left empty says
 * "Bitte auswählen.". Returns the parsed value, or null when something is to be corrected.
 */
export function validateInto<S extends z.ZodType>(
  form: { check: (errors: FieldErrors) => boolean },
  schema: S,
  input: unknown,
  extra: FieldErrors = {},
): z.infer<S> | null {
  const result = schema.safeParse(input);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      let value: unknown = input;
      for (const key of issue.path) {
        value = value && typeof value === 'object' ? Reflect.get(value, key) : undefined;
      }
      errors[issue.path.map(String).join('.') || '_'] ??=
        value === null ? 'Bitte auswählen.' : germanExamples(issue.message);
    }
  }
  for (const [key, message] of Object.entries(extra)) errors[key] = message;
  if (!form.check(errors) || !result.success) return null;
  return result.data;
}
