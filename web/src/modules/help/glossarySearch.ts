import type { GlossaryEntry } from './glossary.ts';

/** Lower case without accents and with umlauts folded, so that "Gefahrdung" finds "Gefährdung". */
function fold(text: string): string {
  return text.toLocaleLowerCase('de').replaceAll('ß', 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The entries in German alphabetical order, grouped by their first letter (Ä under A). */
export function glossaryByLetter(entries: readonly GlossaryEntry[]): [letter: string, GlossaryEntry[]][] {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'de'));
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of sorted) {
    const letter = fold(entry.term).charAt(0).toLocaleUpperCase('de');
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups];
}

/** Whether an entry matches what was typed: its term, another name or its explanation. */
export function matchesGlossary(entry: GlossaryEntry, query: string): boolean {
  const wanted = fold(query.trim());
  if (!wanted) return true;
  return [entry.term, ...(entry.also ?? []), entry.text].some((s) => fold(s).includes(wanted));
}
