/**
 * Exports for publication (committee papers, the web): no family may be recognisable from a small number, and no
 * small number may be worked out from the figures published beside it (docs/controlling-publication.md).
 *
 * - Primary suppression: a count from 1 to 4 is shown as "<5". Zero stays zero.
 * - The density per 1,000 young inhabitants is a rate whose denominator is public (the population statistics), so
 *   it reveals its numerator, the running HzE measures, to anyone who multiplies back. Those measures are the
 *   ambulant and the stationary help of the same row (with at most a few others): a published density is a total,
 *   and the total minus the one part that is published would give the suppressed one. So the density of a quarter
 *   is withheld ("gesperrt") whenever its HzE count or any of the ambulant / stationary counts is suppressed.
 * - Kostenfälle and Beratungsfälle add up to the active cases, which this file does not publish; Neufälle are a
 *   flow with no published total. Money and other ratios are not counts and stay as they are.
 */
export const SMALL = '<5';
export const WITHHELD = 'gesperrt';

export function suppressSmall(count: number | null, format: (count: number) => string = String): string {
  if (count === null) return 'nicht verfügbar';
  return isSmall(count) ? SMALL : format(count);
}

const isSmall = (count: number) => count > 0 && count < 5;

/**
 * A total is withheld beside a suppressed part: the total minus the published parts would give the part back, and
 * with all parts suppressed, an extreme total (e.g. 8 = 4 + 4) would give every part back. A total that is small
 * itself is shown as "<5" like any count.
 */
export function totalBesideParts(
  total: number | null,
  parts: readonly (number | null)[],
  format: (count: number) => string = String,
): string {
  if (total !== null && !isSmall(total) && parts.some((p) => p !== null && isSmall(p))) return WITHHELD;
  return suppressSmall(total, format);
}
const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const decimalComma = (value: number | string | null) =>
  value === null ? 'nicht verfügbar' : String(value).replace('.', ',');

export interface PublicationQuarter {
  quarter: string;
  densityPer1000: number | null;
  /** The running HzE measures behind the density. */
  hze: number;
  ambulant: number;
  stationaer: number;
  casesKosten: number;
  casesBeratung: number;
  casesNeu: number;
}

export interface PublicationInput {
  region: { name: string };
  quarters: PublicationQuarter[];
}

export const publicationHeader = [
  'Region',
  'Quartal',
  'Hilfedichte je 1.000 JEW',
  'ambulante Hilfen',
  'stationäre Hilfen',
  'Kostenfälle',
  'Beratungsfälle',
  'Neufälle',
] as const;

/** One quarter's published cells, in the order of `publicationHeader` after region and quarter. */
export function publishedQuarter(q: PublicationQuarter): string[] {
  // The density would give back the HzE count, and with it a suppressed part of it: withheld then.
  const densityReveals = isSmall(q.hze) || isSmall(q.ambulant) || isSmall(q.stationaer);
  return [
    densityReveals && q.densityPer1000 !== null ? WITHHELD : decimalComma(q.densityPer1000),
    suppressSmall(q.ambulant),
    suppressSmall(q.stationaer),
    suppressSmall(q.casesKosten),
    suppressSmall(q.casesBeratung),
    suppressSmall(q.casesNeu),
  ];
}

/** The quarterly figures of a region as a CSV for publication (; separated, decimal comma, UTF-8 BOM). */
export function publicationCsv(data: PublicationInput): string {
  const rows = data.quarters.map((q) =>
    [data.region.name, q.quarter, ...publishedQuarter(q)].map(cell).join(';'),
  );
  return `\uFEFF${publicationHeader.join(';')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
