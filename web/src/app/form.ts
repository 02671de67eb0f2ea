import type { z } from '@leuchtturm/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from './api.ts';
import { useDraft } from './useDraft.ts';

/**
 * The one form helper of the web app. Rules come from the shared zod schemas (the same the server checks), and
 * every message is keyed by its full path in the request body ("address.street", "members.1.person.birthDate"),
 * whether the browser found it or the server answered it, so it lands under the very field it is about.
 */
export type FieldErrors = Record<string, string>;

export const CHECK_FIELDS = 'Bitte prüfen Sie die markierten Felder.';

/** The shared schemas' examples use the API's decimal point ("123.45"); forms take a decimal comma. */
export function germanExamples(message: string): string {
  return message.replace(/z\. B\. ([^.]*?\d)\.(\d+)/g, 'z. B. $1,$2');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

/**
 * The schema's messages by full path, the first per path. A choice left empty says "Bitte auswählen." and an
 * empty text "Bitte ausfüllen." (the schema's message would describe the expected form instead); messages of a
 * rule across fields (refine) stay as the schema words them.
 */
export function schemaErrors(issues: readonly z.core.$ZodIssue[], input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const value = valueAt(input, issue.path);
    const message =
      issue.code !== 'custom' && value === null
        ? 'Bitte auswählen.'
        : issue.code !== 'custom' && typeof value === 'string' && value.trim() === ''
          ? 'Bitte ausfüllen.'
          : germanExamples(issue.message);
    errors[issue.path.map(String).join('.') || '_'] ??= message;
  }
  return errors;
}

/**
 * Puts each message under the nearest field on its path that the form shows ("roles.0" under "roles"); the
 * messages no shown field takes are returned as `unplaced`.
 */
export function placeErrors(found: FieldErrors, isShown: (path: string) => boolean) {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  let anyPlaced = false;
  for (const [path, message] of Object.entries(found)) {
    const parts = path.split('.');
    let placed = false;
    for (let n = parts.length; n > 0 && !placed; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (isShown(candidate)) {
        errors[candidate] ??= message;
        placed = true;
        anyPlaced = true;
      }
    }
    if (!placed) {
      errors[path] ??= message;
      if (!unplaced.includes(message)) unplaced.push(message);
    }
  }
  return { errors, unplaced, anyPlaced };
}

/**
 * The text above the form: the server's explanation when it names no field, else "check the marked fields",
 * followed by every message no shown field takes (so that none is lost).
 */
export function generalMessage(
  { unplaced, anyPlaced }: { unplaced: readonly string[]; anyPlaced: boolean },
  detail?: string,
): string | null {
  if (!anyPlaced && unplaced.length === 0) return detail ?? null;
  return [anyPlaced ? CHECK_FIELDS : null, ...unplaced].filter((text) => text !== null).join(' ');
}

/**
 * The general message once messages have gone: "check the marked fields" alone goes with the last marked field
 * corrected; a message no field takes stays until the next attempt.
 */
export function remainingFormError(formError: string | null, errors: FieldErrors): string | null {
  return formError === CHECK_FIELDS && Object.keys(errors).length === 0 ? null : formError;
}

/**
 * Form state: values, messages by full path and a general message. A path counts as shown once the form has
 * read its message from `errors` while rendering; messages of paths it never shows go into the general message.
 * With `draft` (a key naming the form and its record, e.g. "vermerk:neu:<caseId>") the values are kept as a draft
 * of the signed-in user while they are typed (`useDraft`); `saved()` after a successful submit deletes it.
 */
export function useFormState<T extends object>(initial: T, options: { draft?: string } = {}) {
  const [values, setValues] = useState<T>(initial);
  const drafting = useDraft(options.draft, values, initial, setValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);
  const shown = useRef(new Set<string>());

  const errorView = useMemo(
    () =>
      new Proxy(errors, {
        get(target, key) {
          if (typeof key === 'string') shown.current.add(key);
          return Reflect.get(target, key);
        },
      }) as Readonly<FieldErrors>,
    [errors],
  );

  // After a failed attempt, keyboard and screen-reader users land on the first field to correct.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever a new set of errors is shown
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, formError]);

  // "Bitte prüfen Sie die markierten Felder." must not outlive the last marked field.
  useEffect(() => {
    const remaining = remainingFormError(formError, errors);
    if (remaining !== formError) setFormError(remaining);
  }, [errors, formError]);

  function clearErrors(match: (path: string) => boolean) {
    setErrors((current) => {
      const keys = Object.keys(current).filter(match);
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
  }

  /**
   * Changes one value. Its message goes, and so do the messages inside it whose part changed (editing one
   * Handlungsziel leaves the messages of the others).
   */
  function set<K extends keyof T>(key: K, value: T[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    const path = String(key);
    const after = { ...values, [key]: value };
    clearErrors((p) => {
      if (p === path) return true;
      if (!p.startsWith(`${path}.`)) return false;
      const parts = [path, ...p.slice(path.length + 1).split('.')];
      return valueAt(values, parts) !== valueAt(after, parts);
    });
  }

  /** Changes values from the latest state (for answers that arrive later); messages stay. */
  function update(change: (current: T) => T) {
    setValues(change);
  }

  function show(found: FieldErrors, detail?: string, fields: readonly string[] = []): boolean {
    const ok = Object.keys(found).length === 0 && detail === undefined;
    const placed = placeErrors(found, (p) => shown.current.has(p) || fields.includes(p));
    setErrors(placed.errors);
    setFormError(ok ? null : generalMessage(placed, detail));
    focusPending.current = !ok;
    return ok;
  }

  /**
   * Validates with a shared schema; `extra` adds what the schema cannot know (e.g. an amount that could not be
   * read) and wins over the schema's message for the same path. Returns the parsed value, or null after showing
   * the messages.
   */
  function validate<S extends z.ZodType>(
    schema: S,
    input: unknown,
    extra: Record<string, string | null | undefined> = {},
  ): z.output<S> | null {
    const result = schema.safeParse(input);
    const found = result.success ? {} : schemaErrors(result.error.issues, input);
    for (const [path, message] of Object.entries(extra)) if (message) found[path] = message;
    return show(found) && result.success ? result.data : null;
  }

  /** Shows messages found without a schema; true when there are none. */
  function check(found: FieldErrors): boolean {
    return show(found);
  }

  /**
   * Shows a failed request: each field message under its field by its full path, the rest above the form.
   * `fields` names paths the form shows without reading them from `errors`.
   */
  function showServerError(error: unknown, fields?: readonly string[]) {
    if (error instanceof ApiError) show(error.fieldErrors, error.detail, fields);
    else {
      setFormError(errorMessage(error));
      focusPending.current = false;
    }
  }

  function reset(next: T) {
    drafting.rebase(next);
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  /**
   * Sends the form through a mutation (`mutation.mutateAsync(input, callbacks)`): once it succeeds, the draft is
   * deleted, even when the form has gone meanwhile (a dialog closing, the case page loading the new version), which
   * the mutation's own `onSuccess` would not see. A failure is the callbacks' business.
   */
  function send(request: Promise<unknown>): void {
    const sentJson = JSON.stringify(values);
    request.then(
      () => drafting.saved(sentJson),
      () => undefined,
    );
  }

  return {
    values,
    set,
    update,
    errors: errorView,
    clearErrors,
    formError,
    setFormError,
    validate,
    check,
    showServerError,
    reset,
    send,
    draft: drafting.draft,
    formRef,
  };
}
export type FormState<T extends object> = ReturnType<typeof useFormState<T>>;
