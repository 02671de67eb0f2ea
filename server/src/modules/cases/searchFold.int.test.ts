import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { FOLD_FROM, foldForSearch } from './search.ts';

describe('the SQL twin of foldForSearch', () => {
  it('folds every letter of the folding table, and any text of such letters, exactly as foldForSearch does', async () => {
    const { db } = await testDatabase();
    const fold = async (text: string) =>
      (await sql<{ f: string }>`select search_fold(${text}) as f`.execute(db)).rows[0]?.f;
    for (const letter of [...FOLD_FROM])
      expect({ letter, sql: await fold(letter) }).toEqual({ letter, sql: foldForSearch(letter) });
    const letters = [...FOLD_FROM, ...'aeouAEOUßsS -'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...letters), { maxLength: 12 }), async (chars) => {
        const text = chars.join('');
        expect({ text, sql: await fold(text) }).toEqual({ text, sql: foldForSearch(text) });
      }),
      { numRuns: 100, seed: 44 },
    );
  });
});
