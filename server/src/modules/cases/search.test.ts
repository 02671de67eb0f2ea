import { describe, expect, it } from 'vitest';
import { caseSearchTerms, FOLD_FROM, FOLD_TO, foldForSearch } from './search.ts';

describe('the words of the case search', () => {
  it('reads dates of birth in German or ISO form and every other word as a name, street or case number', () => {
    expect(caseSearchTerms('  Mila 12.03.2015, Hafenstr. 2026-00012 2015-03-13 ')).toEqual({
      birthDates: ['2015-03-12', '2015-03-13'],
      words: [
        { lower: 'mila', folded: 'mila' },
        { lower: 'hafenstr', folded: 'hafenstr' },
        { lower: '2026-00012', folded: '2026-00012' },
      ],
    });
    expect(caseSearchTerms('31.02.2015')).toEqual({
      birthDates: [],
      words: [{ lower: '31.02.2015', folded: '31.02.2015' }],
    });
  });

  it('folds umlauts, their two-letter spellings, ß, accents and Turkish and Slavic letters alike', () => {
    expect(new Set(['Müller', 'Mueller', 'MÜLLER', 'Muller'].map(foldForSearch))).toEqual(
      new Set(['muller']),
    );
    expect(foldForSearch('Straße')).toBe(foldForSearch('Strasse'));
    expect(foldForSearch('Şahin Ağaoğlu')).toBe('sahin agaoglu');
    expect(foldForSearch('Łukasz Wójcik')).toBe('lukasz wojcik');
    expect(foldForSearch('Élodie')).toBe('elodie');
    expect([...FOLD_FROM].length).toBe([...FOLD_TO].length);
  });
});
