/**
 * Kölner Phonetik (Postel 1969): a code for how a German name sounds, so that "Meier", "Mayer" and "Maier" match.
 * Used with the edit distance for duplicate detection at intake.
 */
export function koelnerPhonetik(input: string): string {
  const s = input
    .toUpperCase()
    .replace(/Ä/g, 'A')
    .replace(/Ö/g, 'O')
    .replace(/Ü/g, 'U')
    .replace(/ß/g, 'S')
    .replace(/[^A-Z]/g, '');
  let raw = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const prev = i > 0 ? s[i - 1] : '';
    const next = s[i + 1] ?? '';
    raw += code(c, prev ?? '', next, i === 0);
  }
  let out = '';
  for (const ch of raw) if (ch !== out[out.length - 1]) out += ch;
  return out.length > 0 ? out[0] + out.slice(1).replace(/0/g, '') : '';
}

function code(c: string, prev: string, next: string, first: boolean): string {
  if ('AEIJOUY'.includes(c)) return '0';
  if (c === 'H') return '';
  if (c === 'B') return '1';
  if (c === 'P') return next === 'H' ? '3' : '1';
  if (c === 'D' || c === 'T') return 'CSZ'.includes(next) && next !== '' ? '8' : '2';
  if ('FVW'.includes(c)) return '3';
  if ('GKQ'.includes(c)) return '4';
  if (c === 'C') {
    if (first) return 'AHKLOQRUX'.includes(next) && next !== '' ? '4' : '8';
    if ('SZ'.includes(prev) && prev !== '') return '8';
    return 'AHKOQUX'.includes(next) && next !== '' ? '4' : '8';
  }
  if (c === 'X') return 'CKQ'.includes(prev) && prev !== '' ? '8' : '48';
  if (c === 'L') return '5';
  if (c === 'M' || c === 'N') return '6';
  if (c === 'R') return '7';
  if (c === 'S' || c === 'Z') return '8';
  return '';
}

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[t.length] as number;
}

export type NameMatch = 'phonetik' | 'schreibweise' | null;

/** How two people's names match: by sound (both names), or by spelling (small edit distance on the full name). */
export function matchNames(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): NameMatch {
  if (
    koelnerPhonetik(a.lastName) === koelnerPhonetik(b.lastName) &&
    koelnerPhonetik(a.firstName) === koelnerPhonetik(b.firstName)
  ) {
    return 'phonetik';
  }
  const full = (p: typeof a) => `${p.firstName} ${p.lastName}`.trim();
  const limit = Math.max(1, Math.floor(Math.min(full(a).length, full(b).length) / 6));
  if (editDistance(full(a), full(b)) <= limit) return 'schreibweise';
  return null;
}
