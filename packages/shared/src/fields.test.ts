import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INT4_MAX,
  INT4_MIN,
  intSchema,
  lineSchema,
  nameSchema,
  optionalTextSchema,
  textSchema,
  versionSchema,
} from './common.ts';
import { DATE_YEARS, dateSchema } from './dates.ts';

/**
 * What the shared field schemas accept, PostgreSQL stores: no NUL (nor another control character) in text, integers
 * within `integer`, dates in a sensible range of years (PostgreSQL itself refuses e.g. the year 0). And the other
 * way round: values within the rules are not refused.
 */

// Strings rich in the characters that matter: control characters, line breaks, umlauts, astral characters.
const interesting = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\t',
  '\n',
  '\r',
  ' ',
  'a',
  'Ü',
  '😀',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: interesting, maxLength: 40 }),
);
/** Written out by code point, independently of the schemas' patterns. */
const hasControlCharacter = (value: string) =>
  [...value].some((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) || (n >= 0x7f && n <= 0x9f);
  });

describe('text schemas', () => {
  it('accept no NUL or other control character; a single line has no tab or line break either', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        for (const [schema, singleLine] of [
          [textSchema(200), false],
          [optionalTextSchema(200), false],
          [nameSchema(200), true],
          [lineSchema(200), true],
        ] as const) {
          const result = schema.safeParse(value);
          if (!result.success) continue;
          expect(hasControlCharacter(result.data)).toBe(false);
          expect(result.data).not.toContain('\u0000');
          if (singleLine) expect(result.data).not.toMatch(/[\t\n\r]/);
          expect(result.data.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accept any text without control characters, and multi-line text with tabs and line breaks', () => {
    const clean = (extra: string[]) =>
      fc
        .string({
          unit: fc.oneof(
            fc.constantFrom(...extra, 'ä', 'ß', '😀', '"', "'"),
            fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
          ),
          minLength: 1,
          maxLength: 100,
        })
        .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(clean([]), (value) => {
        expect(nameSchema(400).safeParse(value).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(clean(['\t', '\n', '\r']), (value) => {
        expect(textSchema(400).safeParse(value).success).toBe(true);
      }),
    );
  });
});

describe('integer schemas', () => {
  const anyNumber = fc.oneof(
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double(),
    // Around the column's edges, where an off-by-one would hide.
    fc.integer({ min: INT4_MAX - 5, max: INT4_MAX + 5 }),
    fc.integer({ min: INT4_MIN - 5, max: INT4_MIN + 5 }),
    fc.integer({ min: 2 ** 31, max: 2 ** 40 }),
  );

  it('accept only integers within PostgreSQL integer', () => {
    fc.assert(
      fc.property(anyNumber, (value) => {
        for (const schema of [
          intSchema(),
          intSchema({ min: 0 }),
          intSchema({ max: 2 ** 40 }),
          versionSchema,
        ]) {
          const result = schema.safeParse(value);
          if (!result.success) continue;
          expect(Number.isInteger(result.data)).toBe(true);
          expect(result.data).toBeGreaterThanOrEqual(INT4_MIN);
          expect(result.data).toBeLessThanOrEqual(INT4_MAX);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accept every integer of the column', () => {
    fc.assert(
      fc.property(fc.integer({ min: INT4_MIN, max: INT4_MAX }), (value) => {
        expect(intSchema().safeParse(value).success).toBe(true);
      }),
    );
  });
});

describe('date schema', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const dateLike = fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  const isCalendarDate = (value: string) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };

  it(`accepts only real calendar dates of the years ${DATE_YEARS.min}-${DATE_YEARS.max}`, () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (value) => {
        const result = dateSchema.safeParse(value);
        if (!result.success) return;
        expect(result.data).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const year = Number(result.data.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(DATE_YEARS.min);
        expect(year).toBeLessThanOrEqual(DATE_YEARS.max);
        expect(isCalendarDate(result.data)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every date of those years', () => {
    const min = Date.UTC(DATE_YEARS.min, 0, 1);
    const max = Date.UTC(DATE_YEARS.max, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (max - min) / 86_400_000 }), (days) => {
        const value = new Date(min + days * 86_400_000).toISOString().slice(0, 10);
        expect(dateSchema.safeParse(value).success).toBe(true);
      }),
    );
  });
});
