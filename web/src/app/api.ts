import type { Problem } from '@leuchtturm/shared';

const BASE = '/api/v1';

/** An error answer of the API (application/problem+json), or a network failure dressed as one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** Messages by the full path of the field in the request body ("members.1.person.birthDate"). */
  readonly fieldErrors: Record<string, string>;

  constructor(problem: Problem) {
    const detail = problem.detail ?? problem.title;
    super(detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = detail;
    this.fieldErrors = {};
    // The first message per field wins.
    for (const { field, message } of problem.errors ?? []) this.fieldErrors[field] ??= message;
  }
}

/** The German text to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.';
}

/** Someone else saved the record meanwhile: the form offers "Neu laden" instead of retrying blindly. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}

// The CSRF token lives in memory only; it comes with every login and /auth/me answer.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

// The server's idle timeout of sessions, from every login and /auth/me answer; the web app warns before it.
let idleTimeoutMinutes = 30;
export function setIdleTimeoutMinutes(minutes: number) {
  idleTimeoutMinutes = minutes;
}
export function sessionIdleTimeoutMs(): number {
  return idleTimeoutMinutes * 60_000;
}

// Called when an authenticated request answers 401 and nobody signed in again: the session has ended for good.
let unauthorizedHandler: (() => void) | null = null;
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

/**
 * Called when an authenticated request answers 401 while the app is open: asks the same person to sign in again
 * in place (the dialog of `SessionDialogs`) and resolves true once they have, with the new CSRF token set, or
 * false when they gave up. Requests failing meanwhile wait for the same answer, then are sent again once.
 */
let reauthenticate: (() => Promise<boolean>) | null = null;
let pendingReauthentication: Promise<boolean> | null = null;
export function onSessionEnded(handler: (() => Promise<boolean>) | null) {
  reauthenticate = handler;
}

function signInAgain(): Promise<boolean> {
  if (!reauthenticate) return Promise.resolve(false);
  pendingReauthentication ??= reauthenticate().finally(() => {
    pendingReauthentication = null;
  });
  return pendingReauthentication;
}

// The instant of the last request the user made (not a background poll): the session's idle time counts from it.
let lastActivity = Date.now();
const activityListeners = new Set<() => void>();
export function lastUserActivity(): number {
  return lastActivity;
}
export function onUserActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

/** The header that tells the server a request is a poll, not something the user did (no idle reset). */
const BACKGROUND_HEADER = 'x-leuchtturm-background';

/** Endpoints whose 401 means "wrong credentials" or "not signed in yet", not "session expired". */
const sessionProbes = new Set(['/auth/login', '/auth/me']);

type Query = Record<string, string | number | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return new ApiError({
        type: body.type ?? 'about:blank',
        title: body.title ?? 'Fehler',
        status: body.status ?? response.status,
        code: body.code ?? 'unknown',
        ...(body.detail ? { detail: body.detail } : {}),
        ...(body.errors ? { errors: body.errors } : {}),
      });
    } catch {
      // fall through to the generic problem
    }
  }
  return new ApiError({
    type: 'about:blank',
    title: 'Fehler',
    status: response.status,
    code: 'unknown',
    detail: `Der Server hat mit einem Fehler geantwortet (${response.status}). Bitte versuchen Sie es erneut.`,
  });
}

interface RequestOptions {
  /** A request the app makes on its own (polls): it does not keep the session alive. */
  background?: boolean;
  /** Set on the repetition after signing in again: a second 401 is final. */
  retried?: boolean;
  /** The answer is a file (a PDF), not JSON. */
  file?: boolean;
  /** With `file`: answer the blob with the file name the server gives in Content-Disposition. */
  named?: boolean;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.background) headers[BACKGROUND_HEADER] = '1';
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: multipart ? body : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank#network',
      title: 'Keine Verbindung',
      status: 0,
      code: 'network',
      detail: 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
    });
  }

  if (!options.background) {
    lastActivity = Date.now();
    for (const listener of activityListeners) listener();
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !sessionProbes.has(path)) {
      csrfToken = null;
      // The same request again after signing in in place: what was typed is sent, not lost.
      if (!options.retried && (await signInAgain())) {
        return request<T>(method, path, body, query, { ...options, retried: true });
      }
      unauthorizedHandler?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.file && options.named) {
    const fileName = fileNameOf(response.headers.get('content-disposition'));
    return { blob: await response.blob(), fileName } as T;
  }
  if (options.file) return (await response.blob()) as T;
  return (await response.json()) as T;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` in UTF-8 first), or null when none. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename="((?:[^"\\]|\\.)*)"|filename=([^;]+)/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name || null;
}

/** A file the server produced, with the name it gave it. */
export interface NamedFile {
  blob: Blob;
  fileName: string | null;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  /** A GET the app makes on its own (a poll): it does not count as activity for the idle timeout. */
  poll: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query, { background: true }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
  /** A file the server produces (a PDF): fetched like any request, so that a refusal arrives as an ApiError. */
  getFile: (path: string, query?: Query) => request<Blob>('GET', path, undefined, query, { file: true }),
  postFile: (path: string, body: unknown) => request<Blob>('POST', path, body, undefined, { file: true }),
  /** The same, with the file name from Content-Disposition (any content type: a PDF, a JSON export). */
  getNamedFile: (path: string) =>
    request<NamedFile>('GET', path, undefined, undefined, { file: true, named: true }),
  /** multipart/form-data, e.g. a file upload */
  upload: <T = void>(path: string, data: FormData) => request<T>('POST', path, data),
};
