/**
 * The standard PDF fonts (Helvetica) draw WinAnsi only: Latin-1 plus the typographic marks of Windows-1252
 * (€ „ “ ” ‚ ‘ ’ – — … • ‰ † ‡ ™ ‹ › Œ œ Š š Ž ž Ÿ ƒ ˆ ˜). Everything a form or report prints passes through
 * `winAnsiSafe`, which keeps those and maps the rest to the nearest thing WinAnsi has, so that nothing prints as "?":
 *
 * 1. typographic marks without a WinAnsi glyph (bullets, the minus sign, arrows, special spaces and dashes)
 *    by a table; invisible marks (soft hyphen, zero-width space, variation selectors) are dropped;
 * 2. compatibility forms by Unicode's NFKC (ligature ﬁ → fi, full-width letters);
 * 3. letters with diacritics WinAnsi lacks lose them (ş → s, ő → o, ł → l);
 * 4. Cyrillic is transliterated as in passports (ICAO 9303: Олена Шевченко → Olena Shevchenko);
 * 5. symbols without a counterpart (emoji) are dropped.
 *
 * Only letters of other scripts (Arabic, Chinese, ...) remain as "?": those need a Unicode font (docs/decisions.md).
 */

/** Every character WinAnsi (and so pdf-lib's Helvetica) can encode, besides the line break. */
const WIN_ANSI_EXTRA = 'ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';
const allowed = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff && c !== 0xad) || WIN_ANSI_EXTRA.includes(ch);
};

const table: Record<string, string> = {
  // spaces and breaks
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2060': '',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  '\ufe0e': '',
  '\ufe0f': '',
  // dashes and signs
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '–',
  '\u2043': '-',
  // quotes and primes
  '\u201b': '‘',
  '\u201f': '“',
  '\u2032': "'",
  '\u2033': '"',
  // bullets and list marks
  '\u2023': '•',
  '\u2219': '•',
  '\u25aa': '•',
  '\u25ab': '•',
  '\u25cf': '•',
  '\u25e6': '•',
  '\u25a0': '•',
  '\u25a1': '•',
  '\u2713': 'x',
  '\u2714': 'x',
  '\u2717': 'x',
  '\u2610': '[ ]',
  '\u2611': '[x]',
  '\u2612': '[x]',
  // arrows and relations
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u21d0': '<=',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2116': 'Nr.',
  // letters that do not decompose
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'ng',
  Ŋ: 'NG',
  ẞ: 'SS',
  ə: 'e',
  Ə: 'E',
};

/** Cyrillic as passports write it (ICAO 9303): Russian, Ukrainian, Belarusian and Bulgarian letters ("" for ь). */
const CYRILLIC = 'абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя';
const LATIN = 'a b v g g d e e ie zh z i i i i k l m n o p r s t u u f kh ts ch sh shch ie y _ e iu ia'.split(
  ' ',
);
const cyrillic = new Map([...CYRILLIC].map((ch, i) => [ch, LATIN[i] === '_' ? '' : (LATIN[i] ?? '')]));

function fromCyrillic(ch: string): string | undefined {
  const lower = ch.toLowerCase();
  const latin = cyrillic.get(lower);
  if (latin === undefined) return undefined;
  if (lower === ch) return latin;
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

const representable = (text: string) => [...text].every((ch) => ch === '\n' || allowed(ch));

function mapChar(ch: string): string {
  if (ch === '\n' || allowed(ch)) return ch;
  const mapped = table[ch];
  if (mapped !== undefined) return mapped;
  const compatible = ch.normalize('NFKC');
  if (compatible !== ch && representable(compatible)) return compatible;
  const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (bare && representable(bare)) return bare;
  const latin = fromCyrillic(ch);
  if (latin !== undefined) return latin;
  // Marks, symbols and controls with no counterpart (emoji, a stray combining mark) are dropped.
  if (/^[\p{M}\p{S}\p{C}]$/u.test(ch)) return '';
  return '?';
}

/** The text with every character drawable in the standard fonts; line breaks normalised to "\n". */
export function winAnsiSafe(text: string): string {
  return [...text.replace(/\r\n?/g, '\n')].map(mapChar).join('');
}
