import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, koelnerPhonetik, matchNames } from './phonetics.ts';

describe('Kölner Phonetik', () => {
  it.each([
    ['Müller-Lüdenscheidt', '65752682'],
    ['Wikipedia', '3412'],
    ['Breschnew', '17863'],
    ['Meier', '67'],
    ['Mayer', '67'],
    ['Maier', '67'],
    ['Schmidt', '862'],
    ['Schmitt', '862'],
    ['Christoph', '47823'],
    ['Xaver', '4837'],
    ['', ''],
  ])('%s → %s', (name, code) => {
    expect(koelnerPhonetik(name)).toBe(code);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('Kitten', 'sitting')).toBe(3);
    expect(editDistance('Ayse', 'Ayşe')).toBe(1);
  });

  it('is a metric: zero to itself, symmetric, triangle inequality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});

describe('matchNames', () => {
  it('matches by sound, by spelling, or not at all', () => {
    expect(
      matchNames({ firstName: 'Jana', lastName: 'Meier' }, { firstName: 'Jana', lastName: 'Mayer' }),
    ).toBe('phonetik');
    expect(
      matchNames(
        { firstName: 'Muharem', lastName: 'Al Zein' },
        { firstName: 'Muharrem', lastName: 'Al-Zein' },
      ),
    ).not.toBeNull();
    expect(
      matchNames({ firstName: 'Anna', lastName: 'Schulz' }, { firstName: 'Ben', lastName: 'Becker' }),
    ).toBeNull();
  });
});
