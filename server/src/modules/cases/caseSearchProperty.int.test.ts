import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseSearchTerms, foldForSearch } from './search.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** Names chosen to test the folding and the joining of a household's names (queries/list.ts searchHits). */
const FIRST = ['Anna-Lena', 'Görkem', 'Şahin', 'Jürgen', 'Ole', 'Lena'];
const LAST = ['Müller', 'Mueller', 'van Berg', 'Bergmann', 'Öztürk', 'Ost'];
const BIRTHS = ['2013-05-17', '2015-03-12', '1988-04-02'];

interface Family {
  name: string;
  houseNumber: string;
  members: { first: string; last: string; born: string }[];
}

/** What the search must answer, said in plain code: the rule of cases/search.ts, one name at a time. */
function matches(family: Family & { caseNumber: string }, q: string): boolean {
  const terms = caseSearchTerms(q);
  const has = (text: string, word: { lower: string; folded: string }) =>
    text.toLowerCase().includes(word.lower) || foldForSearch(text).includes(word.folded);
  return (
    terms.birthDates.every((d) => family.members.some((m) => m.born === d)) &&
    terms.words.every(
      (w) =>
        family.members.some((m) => has(m.first, w) || has(m.last, w)) ||
        has(family.name, w) ||
        has('Ankerweg', w) ||
        family.houseNumber.toLowerCase() === w.lower ||
        family.caseNumber.toLowerCase().includes(w.lower),
    )
  );
}

describe('the case search against its rule', () => {
  it('finds exactly the cases whose members, household, street or case number match every word, never a word spanning two names or a name and the street', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const families: (Family & { caseNumber: string })[] = [];
    // Six households, each member's names picked so that the names of one household, joined, hold words that no
    // single name holds ("ller Ost", "Bergmann van").
    for (let i = 0; i < 6; i++) {
      const members = [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => ({
        first: FIRST[(i + k) % FIRST.length] as string,
        last: LAST[(i * 2 + k) % LAST.length] as string,
        born: BIRTHS[(i + k) % BIRTHS.length] as string,
      }));
      const family: Family = { name: `Familie ${members[0]?.last}`, houseNumber: String(i + 1), members };
      const household = await cm.post('/households', {
        name: family.name,
        address: testAddress(cm, 'Ankerweg', family.houseNumber),
        members: members.map((m, k) => ({
          personId: null,
          person: person(m.first, m.last, m.born, 'weiblich'),
          role: k === 0 ? 'mutter' : 'kind',
          custody: k === 0 ? null : 'mutter',
        })),
      });
      expect(household.statusCode, household.body).toBe(201);
      const opened = await cm.post('/cases', {
        householdId: household.json().id,
        openedOn: '2026-01-12',
        accessRoute: 'selbstmeldung',
        reporter: null,
        concern: 'Beratung gewünscht.',
      });
      expect(opened.statusCode, opened.body).toBe(201);
      families.push({ ...family, caseNumber: opened.json().caseNumber });
    }

    // A word: a piece of a name (as typed, lower or upper case, or in another spelling), the end of one name and
    // the start of the next, a house number, a date of birth, or a piece of a case number.
    const names = [...FIRST, ...LAST, 'Ankerweg', ...families.map((f) => f.caseNumber)];
    const piece = fc
      .tuple(fc.constantFrom(...names), fc.nat(), fc.nat(), fc.constantFrom('as', 'upper', 'lower', 'ae'))
      .map(([name, a, b, form]) => {
        const start = a % name.length;
        const text = name.slice(start, start + 2 + (b % (name.length - start)));
        if (form === 'upper') return text.toUpperCase();
        if (form === 'lower') return text.toLowerCase();
        return form === 'ae' ? text.replace('ü', 'ue').replace('ö', 'oe') : text;
      });
    // Spanning two names, or a name and the street (the household keeps its name, street and members' names in one
    // text: migration 0045).
    const spanning = fc
      .tuple(fc.constantFrom(...LAST, 'Ankerweg'), fc.constantFrom(...FIRST, ...LAST, 'Ankerweg'))
      .map(([a, b]) => `${a.slice(-3)} ${b.slice(0, 3)}`.replace(' ', ''));
    const word = fc.oneof(
      piece,
      spanning,
      fc.constantFrom('1', '4', '17.05.2013', '2015-03-12', '01.01.2000', '%', '_'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 3 }), async (words) => {
        const q = words.join(' ');
        const res = await cm.get(`/cases?scope=all&status=alle&limit=100&q=${encodeURIComponent(q)}`);
        expect(res.statusCode, res.body).toBe(200);
        const found = (res.json().items as { caseNumber: string }[]).map((c) => c.caseNumber).sort();
        const expected = families
          .filter((f) => matches(f, q))
          .map((f) => f.caseNumber)
          .sort();
        expect({ q, found }).toEqual({ q, found: expected });
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });
});
