/**
 * Exports for publication (committee papers, the web): counts from 1 to 4 are shown as "<5" so that no family can
 * be recognised from a small number. Zero stays zero; money and ratios are not counts and stay as they are.
 */
export function suppressSmall(count: number | null, format: (count: number) => string = String): string {
  if (count === null) return 'nicht verfügbar';
  return count > 0 && count < 5 ? '<5' : format(count);
}

const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const decimalComma = (value: number | string | null) =>
  value === null ? 'nicht verfügbar' : String(value).replace('.', ',');

export interface PublicationInput {
  region: { name: string };
  quarters: {
    quarter: string;
    densityPer1000: number | null;
    ambulant: number;
    stationaer: number;
    casesKosten: number;
    casesBeratung: number;
    casesNeu: number;
  }[];
}

/** The quarterly figures of a region as a CSV for publication (; separated, decimal comma, UTF-8 BOM). */
export function publicationCsv(data: PublicationInput): string {
  const header = [
    'Region',
    'Quartal',
    'Hilfedichte je 1.000 JEW',
    'ambulante Hilfen',
    'stationäre Hilfen',
    'Kostenfälle',
    'Beratungsfälle',
    'Neufälle',
  ];
  const rows = data.quarters.map((q) =>
    [
      data.region.name,
      q.quarter,
      decimalComma(q.densityPer1000),
      suppressSmall(q.ambulant),
      suppressSmall(q.stationaer),
      suppressSmall(q.casesKosten),
      suppressSmall(q.casesBeratung),
      suppressSmall(q.casesNeu),
    ]
      .map(cell)
      .join(';'),
  );
  return `\uFEFF${header.join(';')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
