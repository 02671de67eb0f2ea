import type { z } from '@leuchtturm/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export type FieldErrors = Record<string, string>;

/** The first German message per top-level field of a failed zod parse. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Minimal form state: values, per-field errors (from the shared zod schema in the browser, or from the server's
 * problem answer) and a general error for everything that belongs to no field.
 */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);

  // After a failed attempt, keyboard and screen-reader users land on the first field to correct.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever a new set of errors is shown
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function set<K extends keyof T>(key: K, value: T[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key as string]: _removed, ...rest } = e;
      return rest;
    });
  }

  /** Validates `input` with `schema`; returns the parsed value or null (errors are then shown). */
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | null {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      setFormError(null);
      return result.data;
    }
    const fieldErrors = zodFieldErrors(result.error);
    // A required choice left empty: the schema's message ("Ungültige Kennung.") would not help.
    if (input && typeof input === 'object') {
      for (const key of Object.keys(fieldErrors)) {
        if ((input as Record<string, unknown>)[key] === null) fieldErrors[key] = 'Bitte auswählen.';
      }
    }
    setErrors(fieldErrors);
    focusPending.current = true;
    setFormError('Bitte prüfen Sie die markierten Felder.');
    return null;
  }

  /** Shows errors found without a schema; true when there are none. */
  function check(found: FieldErrors): boolean {
    const ok = Object.keys(found).length === 0;
    setErrors(found);
    setFormError(ok ? null : 'Bitte prüfen Sie die markierten Felder.');
    focusPending.current = !ok;
    return ok;
  }

  /** Shows a failed request: field messages under their fields, the server's detail above the form. */
  function showServerError(error: unknown, knownFields: readonly string[]) {
    if (error instanceof ApiError) {
      const fieldErrors: FieldErrors = {};
      for (const [field, message] of Object.entries(error.fieldErrors)) {
        if (knownFields.includes(field)) fieldErrors[field] = message;
      }
      setErrors(fieldErrors);
      focusPending.current = true;
      const unplaced = Object.entries(error.fieldErrors).filter(([field]) => !knownFields.includes(field));
      const extra = unplaced.map(([, message]) => message).join(' ');
      // The detail often repeats the one field message; it is then shown under the field only.
      const repeated = Object.values(fieldErrors).includes(error.detail);
      const general = repeated ? 'Bitte prüfen Sie die markierten Felder.' : error.detail;
      setFormError(extra ? `${general} ${extra}` : general);
    } else {
      setFormError('Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.');
    }
  }

  function reset(next: T) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return { values, set, errors, formError, setFormError, validate, check, showServerError, reset, formRef };
}
