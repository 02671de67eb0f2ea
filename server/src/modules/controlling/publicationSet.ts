import { type PublicationQuarter, publicationHeader, SMALL, WITHHELD } from './publication.ts';

/**
 * Publication of several regions at once (docs/controlling-publication.md, "Several regions"): the city and its
 * Stadtteile side by side relate per column and quarter by city = sum of Stadtteile (+ the cases without a
 * Stadtteil, published as a row of their own when there are any). Suppression per file is not enough there: a
 * single `<5` in a column is the city minus the others. So suppression is decided for the whole set:
 *
 * - Primary: a count from 1 to 4 is `<5`.
 * - Secondary, per column and quarter: while a `<5` cell of the column could be worked out from the equation
 *   (the city and every other cell published), one more part is withheld (`gesperrt`): the smallest published
 *   part that makes every `<5` cell ambiguous again, or else the smallest, and so on; with no part left, the city's
 *   cell. A withheld part is never 0 (that would give nothing away), so it is 5 or more, and the attacker knows that.
 *   The city's cell is withheld even when it is `<5` itself, if its parts alone give each other away (they are all
 *   `<5` or 0): so a `gesperrt` city cell is only known to be 1 or more.
 * - The density of a row is withheld when its HzE count is 1 to 4 or its ambulant or stationary cell is `<5` or
 *   `gesperrt` (rule 2); the densities are the HzE counts in disguise (times the public JEW), so the HzE column gets
 *   the same secondary suppression across regions.
 */

export const countColumns = ['ambulant', 'stationaer', 'casesKosten', 'casesBeratung', 'casesNeu'] as const;
export type CountColumn = (typeof countColumns)[number];
/**
 * A cell of the set: shown as it is, `<5` (1 to 4), withheld as a complement (5 or more), or hidden for another
 * reason (a density beside a suppressed part: any value from 0). Withheld and hidden cells are both `gesperrt`.
 */
export type CellState = 'shown' | 'small' | 'withheld' | 'hidden';

export interface SetRegion {
  key: string;
  name: string;
  /** The same quarters, in the same order, for every region of the set. */
  quarters: PublicationQuarter[];
}

/** The city and its parts (Stadtteile and the cases without one), which add up to it in every count. */
export interface PublicationSetInput {
  total: SetRegion;
  parts: SetRegion[];
}

const isSmall = (n: number) => n > 0 && n < 5;

/** What the attacker knows of a cell: its value when shown, 1-4 when `<5`, 5 or more when withheld. */
function domain(value: number, state: CellState): [number, number] {
  if (state === 'shown') return [value, value];
  if (state === 'small') return [1, 4];
  return [state === 'withheld' ? 5 : 0, Number.POSITIVE_INFINITY];
}

/**
 * The values a cell can take given the equation total = sum of parts and what is published of every cell: exact
 * for one equation with coefficients ±1 over integer ranges (the sum of ranges is a range). Index 0 is the total.
 */
export function feasibleRange(values: number[], states: CellState[], j: number): [number, number] {
  const coef = (i: number) => (i === 0 ? 1 : -1);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === j) continue;
    const [a, b] = domain(values[i] as number, states[i] as CellState);
    if (coef(i) > 0) {
      lo += a;
      hi += b;
    } else {
      lo -= b;
      hi -= a;
    }
  }
  // coef(j) * y_j = -(sum of the others), whose range is [-hi, -lo].
  const [from, to] = coef(j) > 0 ? [-hi, -lo] : [lo, hi];
  const [a, b] = domain(values[j] as number, states[j] as CellState);
  return [Math.max(a, from), Math.min(b, to)];
}

/** The `<5` cells that the equation pins to a single value. */
function exposed(values: number[], states: CellState[]): number[] {
  return states.flatMap((s, j) => {
    if (s !== 'small') return [];
    const [lo, hi] = feasibleRange(values, states, j);
    return hi - lo < 1 ? [j] : [];
  });
}

/**
 * Suppression of one column group: index 0 is the total (the city), the rest its parts. `hidden` cells are not
 * published whatever their value (and are no complements); `eligible` says which parts may be complements (not a
 * row whose density is not published at all).
 */
export function suppressGroup(
  values: number[],
  eligible: (i: number) => boolean = () => true,
  hidden: (i: number) => boolean = () => false,
): CellState[] {
  const states: CellState[] = values.map((v, i) => (isSmall(v) ? 'small' : hidden(i) ? 'hidden' : 'shown'));
  if (values.length < 2) return states;
  for (let open = exposed(values, states); open.length > 0; open = exposed(values, states)) {
    const candidates = values
      .map((v, i) => ({ v, i }))
      .filter(({ v, i }) => i > 0 && v > 0 && states[i] === 'shown' && eligible(i))
      .sort((a, b) => a.v - b.v || a.i - b.i);
    const protects = candidates.find(({ i }) => {
      const trial = states.slice();
      trial[i] = 'withheld';
      return exposed(values, trial).length === 0;
    });
    const pick = protects ?? candidates[0];
    if (pick) states[pick.i] = 'withheld';
    else if (states[0] === 'shown' && (values[0] as number) > 0) states[0] = 'withheld';
    // The city is itself `<5` and its parts are `<5` or zero: four Stadtteile of one help each in a city of 4 give
    // each other away (each at least 1, together at most 4). Its cell is not published then, not even as `<5`.
    else if (states[0] === 'small') states[0] = 'hidden';
    // Not reached by the rules above (a withheld or hidden city leaves the parts no upper bound), but never publish
    // a `<5` that the equation pins: it is hidden too.
    else for (const j of open) states[j] = 'hidden';
  }
  return states;
}

const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const decimalComma = (value: number | null) =>
  value === null ? 'nicht verfügbar' : String(value).replace('.', ',');
const shown = (value: number, state: CellState) =>
  state === 'shown' ? String(value) : state === 'small' ? SMALL : WITHHELD;

export interface PublishedRow {
  key: string;
  name: string;
  quarter: string;
  /** The published cells after region and quarter, in the order of `publicationHeader`. */
  cells: string[];
}

/** Every region's rows of the set (the city first, then the parts), suppressed together. */
export function publishedSet(set: PublicationSetInput): PublishedRow[] {
  const regions = [set.total, ...set.parts];
  const out = regions.map((r) => r.quarters.map(() => [] as string[]));
  set.total.quarters.forEach((_, q) => {
    const at = regions.map((r) => r.quarters[q] as PublicationQuarter);
    const states = new Map<CountColumn, CellState[]>(
      countColumns.map((c) => [c, suppressGroup(at.map((p) => p[c]))]),
    );
    // A density beside a `<5` or withheld ambulant or stationary cell gives it back (rule 2): withheld. The density
    // column itself (the HzE counts) then gets secondary suppression like a count; a row without a density
    // (no JEW) publishes no HzE count and cannot serve as a complement.
    const hzeValues = at.map((p) => p.hze);
    const forced = at.map((_, r) =>
      (['ambulant', 'stationaer'] as const).some((c) => states.get(c)?.[r] !== 'shown'),
    );
    const hzeStates = suppressGroup(
      hzeValues,
      (i) => at[i]?.densityPer1000 !== null,
      (i) => forced[i] === true,
    );
    at.forEach((p, r) => {
      const density =
        hzeStates[r] !== 'shown' && p.densityPer1000 !== null ? WITHHELD : decimalComma(p.densityPer1000);
      (out[r] as string[][])[q] = [
        density,
        ...countColumns.map((c) => shown(p[c], states.get(c)?.[r] as CellState)),
      ];
    });
  });
  return regions.flatMap((r, i) =>
    r.quarters.map((q, j) => ({
      key: r.key,
      name: r.name,
      quarter: q.quarter,
      cells: out[i]?.[j] as string[],
    })),
  );
}

/** The set as one CSV (; separated, decimal comma, UTF-8 BOM), or the rows of one region of it. */
export function publicationSetCsv(rows: PublishedRow[]): string {
  const lines = rows.map((r) => [r.name, r.quarter, ...r.cells].map(cell).join(';'));
  return `\uFEFF${publicationHeader.join(';')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}

/** `region=alle` (or `all`) asks for the whole set. */
export const PUBLICATION_SET_KEYS = ['alle', 'all'];
export const WITHOUT_DISTRICT = 'ohne Stadtteil';

/**
 * The cases and measures of the city that no Stadtteil counts (a case without a Stadtteil), as a row of their own,
 * so that the city is exactly the sum of its parts and the attacker gains nothing from knowing that. Null when the
 * Stadtteile cover the city in every count of the period. It has no young inhabitants, so no density.
 */
export function withoutDistrict(total: SetRegion, parts: SetRegion[]): SetRegion | null {
  const fields = ['hze', ...countColumns] as const;
  const quarters = total.quarters.map((t, q) => {
    const rest: PublicationQuarter = { ...t, densityPer1000: null };
    for (const f of fields) {
      rest[f] = t[f] - parts.reduce((sum, p) => sum + ((p.quarters[q] as PublicationQuarter)[f] ?? 0), 0);
      if (rest[f] < 0) throw new Error(`The Stadtteile count more than the city (${f}, ${t.quarter}).`);
    }
    return rest;
  });
  const empty = quarters.every((q) => fields.every((f) => q[f] === 0));
  return empty ? null : { key: WITHOUT_DISTRICT, name: WITHOUT_DISTRICT, quarters };
}
