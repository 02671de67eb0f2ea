import { randomUUID } from 'node:crypto';
import type { Permission } from '@leuchtturm/shared';

/**
 * The operations of the authorisation matrix, read from the OpenAPI document the server produces, and how a call
 * is made of one: which record kind each path parameter names (by the segment before it), what a query and a
 * body look like (a minimal instance of the operation's schema, ids taken from the record's side).
 */

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is JSON as the server sends it
type Schema = any;

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/cases/{id}/notes`. */
  path: string;
  /** The route permission (config.permission) from the server's route table. */
  permission: Permission;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[];
  body: Schema | undefined;
  multipart: boolean;
}

/** Who a record belongs to: a case (its responsible people), a team (its members), or the whole tenant. */
export type Scope = 'case' | 'team' | 'tenant';

/** Record kinds the world has (matrix-world.ts), and whose they are. */
export const kindScopes: Record<string, Scope> = {
  case: 'case',
  person: 'case',
  note: 'case',
  document: 'case',
  check: 'case',
  mandate: 'case',
  resource: 'case',
  network: 'case',
  consent: 'case',
  measure: 'case',
  mark: 'case',
  instance: 'case',
  step: 'case',
  visit: 'team',
  walk: 'team',
  talk: 'team',
  districtNetwork: 'team',
  meeting: 'team',
  conference: 'team',
  knowledge: 'tenant',
  need: 'tenant',
  team: 'tenant',
  district: 'tenant',
  street: 'tenant',
  socialCentre: 'tenant',
  responsibility: 'tenant',
  user: 'tenant',
  offer: 'tenant',
};

/** The kind a path parameter names, by the path segment before it. */
const segmentKinds: Record<string, string> = {
  cases: 'case',
  persons: 'person',
  notes: 'note',
  documents: 'document',
  'child-protection': 'check',
  mandates: 'mandate',
  resources: 'resource',
  consents: 'consent',
  network: 'network',
  confided: 'mark',
  // A confided item is shared with, and unshared from, a user.
  shares: 'user',
  processes: 'instance',
  'process-steps': 'step',
  measures: 'measure',
  visits: 'visit',
  walks: 'walk',
  talks: 'talk',
  networks: 'districtNetwork',
  meetings: 'meeting',
  conferences: 'conference',
  knowledge: 'knowledge',
  needs: 'need',
  teams: 'team',
  districts: 'district',
  streets: 'street',
  'social-centres': 'socialCentre',
  responsibilities: 'responsibility',
  staff: 'user',
  expertise: 'user',
  offers: 'offer',
  // The grants of a case are addressed by the grantee.
  'access-grants': 'user',
};

export function operationsOf(
  doc: Schema,
  routeTable: readonly { method: string; url: string; permission: Permission | undefined }[],
): Operation[] {
  const permissionOf = new Map(
    routeTable.map((r) => [`${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`, r.permission]),
  );
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [m, op] of Object.entries<Schema>(item)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) continue;
      const permission = permissionOf.get(`${method} ${path}`);
      if (!permission) throw new Error(`no route permission for ${method} ${path}`);
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method as Operation['method'],
        path,
        permission,
        params: (op.parameters ?? []).filter((p: Schema) => p.in === 'path' || p.in === 'query'),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

export const opKey = (op: Pick<Operation, 'method' | 'path'>) =>
  `${op.method} ${op.path.replace('/api/v1', '')}`;

/** The record kind of each path parameter that names a record; null for one the matrix cannot fill. */
export function pathKinds(op: Operation): Record<string, string | null> {
  const segments = op.path.split('/');
  const kinds: Record<string, string | null> = {};
  for (const p of op.params.filter((q) => q.in === 'path')) {
    if (p.schema.enum || p.schema.type === 'integer') continue;
    const at = segments.indexOf(`{${p.name}}`);
    const before = segments[at - 1] ?? '';
    // The § 8a check's own measures (Schutzmaßnahmen) are not the help measures of /measures/{id}.
    const underCheck = before === 'measures' && segments.includes('child-protection');
    kinds[p.name] = underCheck ? null : (segmentKinds[before] ?? null);
  }
  return kinds;
}

/** The scope of an operation's record: the scope of its first record parameter, or null for a list. */
export function scopeOf(op: Operation): Scope | null {
  const first = Object.values(pathKinds(op))[0];
  return first ? (kindScopes[first] ?? null) : null;
}

/** A fixed value for a parameter that names no record: the first enum value, or a year. */
function constantOf(schema: Schema): string | undefined {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.type === 'integer') return '2026';
  return undefined;
}

export function fillPath(op: Operation, ids: Record<string, string>): string {
  const kinds = pathKinds(op);
  let url = op.path.replace('/api/v1', '');
  for (const p of op.params.filter((q) => q.in === 'path')) {
    const kind = kinds[p.name];
    const value = kind ? ids[kind] : constantOf(p.schema);
    if (!value) throw new Error(`cannot fill ${p.name} of ${opKey(op)}`);
    url = url.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = op.params
    .filter((q) => q.in === 'query' && q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(instanceOf(q.schema, q.name, ids, new Set())))}`);
  return query.length ? `${url}?${query.join('&')}` : url;
}

/** Body fields that name a record: filled from the same side, so a body links to the record under test. */
const fieldKinds: Record<string, string> = {
  caseId: 'case',
  householdId: 'household',
  personId: 'person',
  childId: 'person',
  measureId: 'measure',
  mandateId: 'mandate',
  noteId: 'note',
  needId: 'need',
  teamId: 'team',
  districtId: 'district',
  streetId: 'street',
  offerId: 'offer',
  providerId: 'provider',
  userId: 'user',
};

const candidates = [
  'Beispiel',
  '2026-03-01',
  '2026-03',
  '10.00',
  '1',
  '10-16',
  '0-3',
  'NH',
  '2026-03-01T10:00:00.000Z',
];

function stringOf(schema: Schema): string {
  if (schema.format === 'date') return '2026-03-01';
  if (schema.format === 'date-time') return new Date(Date.now() - 3_600_000).toISOString();
  if (schema.format === 'email') return 'test@example.org';
  const fits = (s: string) =>
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(s)) &&
    s.length >= (schema.minLength ?? 0) &&
    s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  return candidates.find(fits) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** A minimal instance of a JSON schema: required properties only, first enum value, nulls where allowed. */
export function instanceOf(
  schema: Schema,
  name: string,
  ids: Record<string, string>,
  seen: Set<Schema>,
): unknown {
  if (!schema || seen.has(schema)) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    if (options.some((o: Schema) => o.type === 'null')) return null;
    return instanceOf(options[0], name, ids, seen);
  }
  if (schema.allOf) return instanceOf(schema.allOf[0], name, ids, seen);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const inner = new Set(seen).add(schema);
      for (const key of schema.required ?? [])
        out[key] = instanceOf(schema.properties?.[key], key, ids, inner);
      return out;
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => instanceOf(schema.items, name, ids, new Set(seen).add(schema)));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') {
        const kind =
          fieldKinds[name] ?? (name.endsWith('Ids') ? fieldKinds[`${name.slice(0, -3)}Id`] : undefined);
        return (kind && ids[kind]) ?? randomUUID();
      }
      return stringOf(schema);
    }
    default:
      return null;
  }
}

export function bodyOf(op: Operation, ids: Record<string, string>): unknown {
  if (op.multipart) return undefined;
  if (!op.body) return op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
  return instanceOf(op.body, '', ids, new Set());
}
