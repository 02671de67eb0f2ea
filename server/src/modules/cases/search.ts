import { parseDateDe } from '@leuchtturm/shared';

/**
 * The search of "Meine Fälle" reads what was typed as words: a date (TT.MM.JJJJ or ISO) is a date of birth, any
 * other word part of a name, the street or the case number. Every word must match the case (queries/list.ts).
 */
export interface CaseSearchTerms {
  /** Dates of birth, ISO. */
  birthDates: string[];
  /** Other words, as typed but in lower case, and in the folded form of foldForSearch. */
  words: { lower: string; folded: string }[];
}

/**
 * Letters the search reads as their base letter: umlauts, accents and the letters of Turkish and Slavic names
 * ("Şahin" is found by "Sahin"). One pair of strings for foldForSearch here; the
 * SQL function `search_fold` (migration 0044) holds a copy, and searchFold.int.test.ts holds the two alike (a change
 * here needs a migration that redefines the function and refreshes the households' search texts).
 */
export const FOLD_FROM =
  'ÄÖÜäöüÀÁÂÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÕØÙÚÛÝàáâãåçèéêëìíîïñòóôõøùúûýÿŞşĞğİıŁłŚśŻżŹźĆćŃńČčŠšŽžŘřĚě';
export const FOLD_TO = 'AOUaouAAAAACEEEEIIIINOOOOOUUUYaaaaaceeeeiiiinooooouuuyySsGgIiLlSsZzZzCcNnCcSsZzRrEe';
const folding = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i] ?? c]));

/**
 * Spelling variants the search treats as one: base letters for the letters above, then lower case, the two-letter
 * spellings of umlauts and ß ("Müller", "Mueller" and "Muller" all read "muller"). The SQL function `search_fold`
 * (migration 0044) takes the same steps in the same order.
 */
export function foldForSearch(text: string): string {
  return [...text]
    .map((c) => folding.get(c) ?? c)
    .join('')
    .toLowerCase()
    .replaceAll('ae', 'a')
    .replaceAll('oe', 'o')
    .replaceAll('ue', 'u')
    .replaceAll('ß', 'ss');
}

export function caseSearchTerms(q: string): CaseSearchTerms {
  const terms: CaseSearchTerms = { birthDates: [], words: [] };
  for (const token of q.split(/[\s,;]+/)) {
    if (token === '') continue;
    const date = parseDateDe(token);
    if (date) {
      terms.birthDates.push(date);
      continue;
    }
    // "Hafenstr." finds the Hafenstraße: a trailing full stop only abbreviates.
    const word = token.replace(/\.+$/, '').toLowerCase();
    if (word !== '') terms.words.push({ lower: word, folded: foldForSearch(word) });
  }
  return terms;
}
