import { dateSchema, intSchema, nameSchema, textSchema } from '@leuchtturm/shared';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import type { Database } from '../db/database.ts';

/**
 * The shared field schemas checked against the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): every
 * value they accept is taken by PostgreSQL's text, integer and date types. The unit property test states the rules;
 * this one asks the database itself.
 */
let db: Database;
beforeAll(async () => {
  db = (await testDatabase()).db;
});

describe('values the shared field schemas accept', () => {
  it('are stored by PostgreSQL as text, integer and date', async () => {
    // Half near the edges PostgreSQL cares about, half inside the rules, so both sides get exercised.
    const text = fc.oneof(
      fc.string({
        unit: fc.oneof(
          fc.constantFrom('\u0000', '\u0007', '\t', '\n', 'Ü', '😀'),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        ),
        maxLength: 30,
      }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((v) => v.trim().length > 0),
    );
    const integer = fc.oneof(
      fc.maxSafeInteger(),
      fc.integer({ min: 2 ** 31 - 3, max: 2 ** 31 + 3 }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    );
    const date = fc
      .tuple(
        fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1890, max: 2210 })),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    const accepted: Record<string, number> = { name: 0, text: 0, integer: 0, date: 0 };
    await fc.assert(
      fc.asyncProperty(text, integer, date, async (t, i, d) => {
        const values = {
          name: nameSchema().safeParse(t),
          text: textSchema().safeParse(t),
          integer: intSchema().safeParse(i),
          date: dateSchema.safeParse(d),
        };
        for (const [kind, result] of Object.entries(values)) {
          if (!result.success) continue;
          accepted[kind] = (accepted[kind] ?? 0) + 1;
          const cast =
            kind === 'integer'
              ? sql`select ${result.data}::integer as v`
              : kind === 'date'
                ? sql`select ${result.data}::date::text as v`
                : sql`select ${result.data}::text as v`;
          const row = (await cast.execute(db)).rows[0] as { v: unknown };
          expect(String(row.v)).toBe(String(result.data));
        }
      }),
      { numRuns: 100 },
    );
    // The property says something only if values of each kind got through (about half do).
    for (const [kind, count] of Object.entries(accepted)) expect(count, kind).toBeGreaterThan(10);
  });
});
