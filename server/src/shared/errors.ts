import type { AuditEntry } from '../modules/audit/chain.ts';
import { columnOfCheck, fieldOfColumn } from './constraintFields.ts';

/**
 * The one error class. Services throw it with a code; the HTTP layer maps the code to a status in one table
 * and answers with application/problem+json (RFC 9457). Messages are German and say what the user can do.
 */
export const errorStatus = {
  validation: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  too_many_attempts: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export const errorTitles: Record<ErrorCode, string> = {
  validation: 'Ungültige Eingabe',
  unauthenticated: 'Nicht angemeldet',
  csrf: 'Sicherheitsprüfung fehlgeschlagen',
  forbidden: 'Keine Berechtigung',
  not_found: 'Nicht gefunden',
  conflict: 'Konflikt',
  version_conflict: 'Zwischenzeitlich geändert',
  too_many_attempts: 'Zu viele Versuche',
  internal: 'Interner Fehler',
};

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Recorded in the audit trail even though the request's transaction rolls back (e.g. a refused access). */
  readonly auditEntry: AuditEntry | undefined;
  /** Set once the refusal is in the audit trail, so that the HTTP layer's safety net does not record it twice. */
  auditRecorded = false;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      cause?: unknown;
      audit?: AuditEntry;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.auditEntry = options.audit;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static validation(field: string, message: string): AppError {
    return new AppError('validation', message, { fieldErrors: [{ field, message }] });
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} wurde nicht gefunden.`);
  }

  static versionConflict(): AppError {
    return new AppError(
      'version_conflict',
      'Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu und übernehmen Sie Ihre Änderungen erneut.',
    );
  }
}

/**
 * Values PostgreSQL refuses to store (class 22, data exception): NUL in text, a number beyond the column, a date
 * outside its range, text too long for the column. The shared field schemas refuse these before the database sees
 * them, naming the field; this is the last line for a route whose schema lets one through.
 */
const dataExceptions = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/**
 * A row a table's rule refuses (23514, check violation; 23502, a required column left empty): the input passed its
 * schema but not the table. The answer names the field, derived from the column PostgreSQL reports (not null) or
 * from the constraint's name (check, constraintFields.ts); never the value, which is in the error's detail and,
 * on PGlite, its parameters.
 */
function fromRowRule(
  e: { code?: string; table?: string; column?: string; constraint?: string },
  cause: unknown,
) {
  const column = e.code === '23502' ? e.column : columnOfCheck(e.table, e.constraint);
  const field = column ? fieldOfColumn(column) : undefined;
  const message =
    e.code === '23502'
      ? `Bitte ${field ? `„${field}“` : 'alle Pflichtfelder'} angeben.`
      : `Der Wert ${field ? `für „${field}“ ` : ''}ist nicht zulässig oder passt nicht zu den übrigen Angaben.`;
  return new AppError('validation', message, {
    ...(field ? { fieldErrors: [{ field, message }] } : {}),
    cause,
  });
}

/** PostgreSQL error codes we translate instead of answering 500. Both drivers give the same fields. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const e = error as { code?: string; table?: string; column?: string; constraint?: string };
  if (e?.code === '23514' || e?.code === '23502') return fromRowRule(e, error);
  if (e?.code && dataExceptions.has(e.code)) {
    return new AppError(
      'validation',
      'Die Eingabe enthält einen Wert, der nicht gespeichert werden kann (z. B. ein Steuerzeichen, eine zu große Zahl oder ein Datum außerhalb des gültigen Bereichs).',
      { cause: error },
    );
  }
  if (e?.code === '23505') {
    return new AppError('conflict', 'Ein Eintrag mit diesem Namen oder Kürzel existiert bereits.', {
      cause: error,
    });
  }
  if (e?.code === '23503') {
    return new AppError(
      'conflict',
      'Der Eintrag wird noch verwendet oder verweist auf etwas, das es nicht gibt.',
      { cause: error },
    );
  }
  return undefined;
}
