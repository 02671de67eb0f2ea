import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values that follow the schema ("valid-ish"),
 * and at every leaf now and then a hostile one instead (control characters, huge integers, dates PostgreSQL cannot
 * store, wrong types, over-long strings, non-Latin-1 text). Objects sometimes carry fields the schema does not name.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Text PostgreSQL or a single-line field must refuse, or that is merely unusual. */
const hostileText = fc.constantFrom(
  'Bei\u0000spiel',
  'Klingel\u0007',
  'Zeile\neins',
  '\u001b[31mrot',
  '\u0085nächste',
  '\u202eumgedreht',
  'Null\u200bbreit',
  'Ωμέγα',
  '北京市',
  '🧒🏽👨‍👩‍👧',
  '\ud800',
  "Robert'); drop table person;--",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%ff',
  '',
  ' ',
  'ÿ'.repeat(300),
);

/** Integers beyond int4 and JavaScript's safe range, and numbers that are no integers. */
const hostileNumber = fc.constantFrom(
  2_147_483_648,
  -2_147_483_649,
  9_007_199_254_740_992,
  1e308,
  -1e308,
  1.5,
  -0,
  Number.MAX_SAFE_INTEGER,
  -1,
);

/** Dates outside PostgreSQL's range, impossible days and other text in a date's place. */
const hostileDate = fc.constantFrom(
  '0000-01-01',
  '-0001-12-31',
  '10000-01-01',
  '294277-01-01',
  '4714-11-24',
  '2026-02-30',
  '2026-13-01',
  'infinity',
  '-infinity',
  '2026-02-01T25:61:00Z',
  '1. Februar 2026',
  '2026-02-01\u0000',
);

const hugeText = fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'a'.repeat(n));

/** A value of some type other than the one expected. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ $gt: '' }),
  fc.constant([['verschachtelt']]),
  fc.string({ maxLength: 8 }),
);

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  hostileNumber,
  hostileDate,
  hugeText,
  wrongType,
);

/** Field names a client must never be able to set, or that trip naive object handling. */
const extraFields = fc.constantFrom(
  'tenantId',
  'tenant_id',
  'id',
  'createdBy',
  'roles',
  '__proto__',
  'constructor',
  'version',
  'unbekannt',
);

function dateText(from: number, to: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: from, max: to })
    .map((day) => new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));
}

/** Values shaped like the schema; `ids` are the tenant's own record ids for uuid fields. */
export function validish(schema: JsonSchema, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validish(s, ids, depth)));
  if (schema.allOf) return validish(Object.assign({}, ...schema.allOf), ids, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 5000);
      const lo = Math.max(Math.ceil(min), -1_000_000_000);
      const hi = Math.min(Math.floor(max), 1_000_000_000);
      return lo <= hi ? fc.integer({ min: lo, max: hi }) : fc.constant(lo);
    }
    case 'string':
      return stringOf(schema, ids);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const minLength = Math.min(schema.minItems ?? 0, 3);
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(validish(schema.items ?? {}, ids, depth + 1), { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      if (!schema.properties) {
        if (type === undefined)
          return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
        const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
        return fc.dictionary(
          schema.propertyNames ? (stringOf(schema.propertyNames, ids) as fc.Arbitrary<string>) : fc.string(),
          depth > 4 ? fc.constant(null) : validish(values, ids, depth + 1),
          { maxKeys: 3 },
        );
      }
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, inner] of Object.entries(schema.properties)) {
        record[key] = depth > 4 ? fc.constant(null) : validish(inner, ids, depth + 1);
      }
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.constant(null);
  }
}

function stringOf(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  switch (schema.format) {
    case 'uuid':
      return ids.length > 0
        ? fc.oneof(fc.constantFrom(...ids), fc.uuid({ version: 4 }))
        : fc.uuid({ version: 4 });
    case 'date':
      return dateText(-3650, 11_000);
    case 'date-time':
      return dateText(-3650, 11_000).map((d) => `${d}T10:30:00.000Z`);
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern && !schema.pattern.startsWith('^[^')) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 1e9));
    } catch {
      // A pattern fast-check cannot invert: plain text then (the server's answer is checked all the same).
    }
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

/**
 * The fuzzed value: valid-ish, with a hostile leaf in place of about one value in `rarity`, and sometimes extra
 * fields in objects. Built alongside `validish` so that shrinking keeps the structure.
 */
export function mutated(
  schema: JsonSchema,
  ids: readonly string[],
  rarity = 6,
  depth = 0,
): fc.Arbitrary<unknown> {
  const leaf = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: arb, weight: rarity }, { arbitrary: hostileLeaf, weight: 1 });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth > 4 || schema.const !== undefined || schema.enum) return leaf(validish(schema, ids, depth));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => mutated(s, ids, rarity, depth)));
  if (schema.allOf) return mutated(Object.assign({}, ...schema.allOf), ids, rarity, depth);
  if (type === 'array') {
    const maxLength = Math.min(schema.maxItems ?? 3, 3);
    return leaf(
      fc.oneof(
        {
          arbitrary: fc.array(mutated(schema.items ?? {}, ids, rarity, depth + 1), { maxLength }),
          weight: 4,
        },
        // One more item than allowed.
        {
          arbitrary: fc.constant(schema.maxItems ?? 0).chain((n) =>
            n > 0 && n < 500
              ? fc.array(validish(schema.items ?? {}, ids, depth + 1), {
                  minLength: n + 1,
                  maxLength: n + 1,
                })
              : fc.constant<unknown[]>([]),
          ),
          weight: 1,
        },
      ),
    );
  }
  if (type === 'object' && schema.properties) {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, inner] of Object.entries(schema.properties))
      record[key] = mutated(inner, ids, rarity, depth + 1);
    const base = fc.record(record, { requiredKeys: schema.required ?? [] });
    return leaf(
      fc.oneof(
        { arbitrary: base, weight: 4 },
        {
          arbitrary: fc
            .tuple(base, extraFields, hostileLeaf)
            .map(([value, key, extra]) => ({ ...(value as object), [key]: extra })),
          weight: 1,
        },
      ),
    );
  }
  return leaf(validish(schema, ids, depth));
}
