import type { LightMyRequestResponse } from 'fastify';
import type { FuzzRequest } from './fuzz-requests.ts';

/** Words of German sentences; an English framework or driver message has none of them. */
const german =
  /[äöüßÄÖÜ„“]|\b(bitte|nicht|nichts|kein|keine|die|der|das|dies\w*|ist|sind|ein|eine|sie|zu|für|oder|und|gibt|darf|dürfen|muss|müssen|wert|eingabe|adresse|anfrage|datum|zahl|höchstens|mindestens|eintrag|zeichen|unbekannt\w*|ungültig\w*|wurde\w*|liegt|vor|nach|bis|von|mit|im|am|jede|jeder|jedes|nur|einmal|als|wie|angeben|wählen|kennung|monat|quartal|jahr)\b/i;
const english =
  /\b(the|must|should|expected|received|invalid|required|is not|not found|cannot|Unexpected|Internal)\b/;

export function isGerman(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '' && german.test(text) && !english.test(text);
}

/**
 * What every answer must hold: no 5xx; the security headers; a 4xx is application/problem+json whose status matches, with a German
 * detail; a validation refusal of a well-formed request names the field(s) with German messages. Returns the
 * violation, or null.
 */
export function violation(req: FuzzRequest, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  const missing = missingHeaders(res);
  if (missing) return `answered ${res.statusCode} without ${missing}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    return `a ${res.statusCode} of type ${res.headers['content-type']}, not application/problem+json`;
  }
  let problem: {
    status?: number;
    detail?: unknown;
    code?: string;
    errors?: { field?: unknown; message?: unknown }[];
  };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return `a ${res.statusCode} whose body is no JSON`;
  }
  if (problem.status !== res.statusCode) return `problem status ${problem.status} on a ${res.statusCode}`;
  if (!isGerman(problem.detail)) return `detail not German: ${JSON.stringify(problem.detail)}`;
  if (problem.code === 'validation' && res.statusCode === 400 && req.wellFormed) {
    if (!problem.errors?.length)
      return `validation refusal naming no field: ${JSON.stringify(problem.detail)}`;
    for (const e of problem.errors) {
      if (typeof e.field !== 'string' || e.field === '')
        return `validation error without field: ${JSON.stringify(e)}`;
      if (!isGerman(e.message)) return `field message not German: ${JSON.stringify(e)}`;
    }
  }
  return null;
}

/** Every API answer, success or refusal, carries the security headers (securityHeaders.ts) and is never cached. */
const apiHeaders: [string, (v: string) => boolean][] = [
  [
    'content-security-policy',
    (v) => v.includes("default-src 'none'") && v.includes("frame-ancestors 'none'"),
  ],
  ['x-frame-options', (v) => v === 'DENY'],
  ['x-content-type-options', (v) => v === 'nosniff'],
  ['referrer-policy', (v) => v === 'no-referrer'],
  ['cache-control', (v) => v === 'no-store'],
];

function missingHeaders(res: LightMyRequestResponse): string | null {
  for (const [name, ok] of apiHeaders) {
    const value = res.headers[name];
    if (typeof value !== 'string' || !ok(value)) return `${name} (${JSON.stringify(value)})`;
  }
  return null;
}
