import fc from 'fast-check';
import { hostileLeaf, type JsonSchema, mutated } from './fuzz-schema.ts';

/** An operation of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  id: string;
  tag: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  /** multipart/form-data (the document upload declares no JSON body). */
  upload: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}
interface OpenApiOperation {
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  summary?: string;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const upper = method.toUpperCase() as Operation['method'];
      operations.push({
        id: `${upper} ${path}`,
        tag: op.tags?.[0] ?? 'other',
        method: upper,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query').map((p) => ({ ...p, required: p.required ?? false })),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        upload: upper === 'POST' && /\/documents$/.test(path) && !op.requestBody,
      });
    }
  }
  return operations;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  /** Whether the body is well-formed JSON (or there is none), so a validation refusal must name a field. */
  wellFormed: boolean;
}

/** %-encodes a path segment; a lone surrogate (no URL can carry one) becomes U+FFFD, as a browser would send it. */
function encodeSegment(text: string): string {
  return encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\ufffd'));
}

const badEncodings = ['%', '%E0%A4%A', '%zz'];

/** Path segments a router or a handler must survive: bad %-encoding, traversal, over-long, odd numbers. */
const hostileSegment = fc.oneof(
  hostileLeaf.map((v) => encodeSegment(typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null'))),
  fc.constantFrom('..', '%2e%2e%2f', '-1', '99999999999999999999', 'x'.repeat(120)),
  // Bad %-encoding: the router refuses the address as a whole, without a field to name.
  fc.constantFrom(...badEncodings),
);

const malformedJson = fc.constantFrom(
  '{"a":',
  '{"a":1}}',
  "{'a':1}",
  '[',
  '\u0000',
  'nul',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"__proto__":{"isAdmin":true}}',
  '{"a":1e999999}',
);

function queryString(entries: [string, unknown][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, typeof item === 'string' ? item : (JSON.stringify(item) ?? ''));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Requests to one operation: each part derived from its schema and mutated. */
export function requestsFor(
  op: Operation,
  ids: readonly string[],
  multipart: fc.Arbitrary<{ payload: Buffer; contentType: string; wellFormed: boolean }>,
): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(
    ...op.pathParams.map((p) =>
      fc.oneof(
        { arbitrary: mutated(p.schema, ids, 1_000_000).map((v) => encodeSegment(String(v))), weight: 5 },
        { arbitrary: hostileSegment, weight: 1 },
      ),
    ),
  );
  const query = fc.tuple(
    ...op.query.map((q) =>
      fc
        .option(mutated(q.schema, ids), { freq: q.required ? 20 : 2, nil: undefined })
        .map((v) => [q.name, v] as [string, unknown]),
    ),
    fc.option(fc.tuple(fc.constantFrom('unbekannt', 'tenantId', '__proto__'), hostileLeaf), {
      freq: 4,
      nil: undefined,
    }),
  );
  const hasBody = op.body !== null || op.upload || op.method === 'POST' || op.method === 'PUT';
  const body: fc.Arbitrary<Omit<FuzzRequest, 'method' | 'url'>> = op.upload
    ? multipart
    : fc.oneof(
        ...[
          {
            arbitrary: (op.body ? mutated(op.body, ids) : fc.oneof(fc.constant({}), hostileLeaf)).map(
              (value) => ({
                payload: JSON.stringify(value) ?? 'null',
                contentType: 'application/json',
                wellFormed: true,
              }),
            ),
            weight: 8,
          },
          {
            arbitrary: malformedJson.map((payload) => ({
              payload,
              contentType: 'application/json',
              wellFormed: false,
            })),
            weight: 1,
          },
          {
            arbitrary: fc
              .constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/xml',
                'application/json; charset=latin1',
              )
              .map((contentType) => ({ payload: 'a=1&b=%00', contentType, wellFormed: false })),
            weight: 1,
          },
        ].filter(() => hasBody),
        { arbitrary: fc.constant({ wellFormed: true }), weight: hasBody ? 1 : 4 },
      );
  return fc.tuple(segments, query, body).map(([segs, q, b]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => segs[i++] as string);
    const entries = q.filter((e): e is [string, unknown] => e !== undefined);
    // A body with "__proto__" is refused by the JSON parser as a whole (prototype poisoning), without a field.
    const poisoned = typeof b.payload === 'string' && b.payload.includes('"__proto__"');
    const badUrl = segs.some((s) => badEncodings.includes(s as string));
    return {
      method: op.method,
      url: `${path}${queryString(entries)}`,
      ...b,
      wellFormed: b.wellFormed && !poisoned && !badUrl,
    };
  });
}
