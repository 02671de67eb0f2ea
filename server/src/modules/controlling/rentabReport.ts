import {
  formatDateDe,
  formatMoney,
  formatNumber,
  type RentabRow,
  type RentabSeries,
  rentabCategoryLabels,
  type Steering,
  todayIso,
} from '@leuchtturm/shared';
import { type FormSection, renderForm } from '../documents/pdf.ts';

/**
 * The Rentabilitätsbetrachtung as a PDF (docs/controlling-rentabilitaet.md) and the targets section of the
 * committee report. Money in euro with cents, percentages with two decimals; a traffic light always in words.
 */

const pct = (n: number | null) =>
  n === null ? 'nicht verfügbar' : `${formatNumber(n, { decimals: 2, fixed: true })}\u00a0%`;

const rowCells = (r: RentabRow) => [
  r.forecast ? `${r.year} (Prognose)` : String(r.year),
  formatMoney(r.costSite),
  pct(r.siteChangePct),
  pct(r.refChangePct),
  formatMoney(r.expected),
  formatMoney(r.savings),
  formatMoney(r.extra.total),
  formatMoney(r.net),
  formatMoney(r.cumulativeNet),
];

export function rentabPdf(office: string, s: RentabSeries): Promise<Uint8Array> {
  return renderForm({
    office,
    unit: 'Controlling / Jugendhilfeplanung',
    title: `Rentabilitätsbetrachtung ${s.site} gegenüber ${s.reference}, ${s.from}–${s.to}`,
    meta: [
      ['Standort', s.site],
      ['Vergleichsregion', s.reference],
      ['Kostenarten', s.categories.map((c) => rentabCategoryLabels[c]).join(', ')],
      ['Stand', formatDateDe(todayIso())],
    ],
    sections: [
      {
        heading: 'Ergebnis je Jahr',
        table: {
          columns: [
            { label: 'Jahr', share: 1.3 },
            { label: 'Kosten', share: 1.6, align: 'right' },
            { label: 'Standort', share: 1.1, align: 'right' },
            { label: 'Vergleich', share: 1.1, align: 'right' },
            { label: 'erwartet', share: 1.6, align: 'right' },
            { label: 'Einsparung', share: 1.5, align: 'right' },
            { label: 'Mehrkosten', share: 1.6, align: 'right' },
            { label: 'Netto', share: 1.5, align: 'right' },
            { label: 'kumuliert', share: 1.6, align: 'right' },
          ],
          rows: [...s.rows, ...s.forecast].map(rowCells),
        },
        note: 'Kosten: Ausgaben des Standorts in den gewählten Kostenarten; Standort, Vergleich: Entwicklung gegenüber dem Vorjahr. erwartet = Kosten des Standorts im Vorjahr × Kosten der Vergleichsregion im Jahr / im Vorjahr; Einsparung = erwartet − Kosten des Standorts; Netto = Einsparung − Mehrkosten; kumuliert = Summe der Netto-Effekte bis zum Jahr. Eine negative Einsparung heißt: der Standort ist stärker gewachsen als die Vergleichsregion.',
      },
      {
        heading: 'Mehrkosten je Jahr',
        table: {
          columns: [
            { label: 'Jahr', share: 1.4 },
            { label: 'Personal', share: 2, align: 'right' },
            { label: 'Qualifizierung', share: 2, align: 'right' },
            { label: 'Sonstige', share: 2, align: 'right' },
            { label: 'gesamt', share: 2, align: 'right' },
          ],
          rows: [...s.rows, ...s.forecast].map((r) => [
            r.forecast ? `${r.year} (Prognose)` : String(r.year),
            formatMoney(r.extra.staff),
            formatMoney(r.extra.training),
            formatMoney(r.extra.other),
            formatMoney(r.extra.total),
          ]),
        },
        note: 'Importierte Mehrkosten ohne Aufschlüsselung stehen unter „Sonstige“.',
      },
      {
        heading: 'Summe',
        fields: [
          [`Einsparung ${s.from}–${s.to}`, formatMoney(s.totals.savings)],
          [`Mehrkosten ${s.from}–${s.to}`, formatMoney(s.totals.extra)],
          [`Netto-Effekt ${s.from}–${s.to}`, formatMoney(s.totals.net)],
        ],
      },
    ],
    signatures: [],
  });
}

const value = (v: number | null, unit: string) =>
  v === null
    ? 'nicht verfügbar'
    : unit === '€'
      ? formatMoney(v.toFixed(2))
      : `${formatNumber(v, { decimals: 2 })}${unit ? ` ${unit}` : ''}`;

/**
 * The committee report's targets: each figure with a target, its value and the traffic light in words; no section
 * where no target is set.
 */
export function targetsSection(s: Steering): FormSection | undefined {
  const withTarget = s.figures.filter((f) => f.target !== null);
  if (withTarget.length === 0) return undefined;
  return {
    heading: `Zielwerte ${s.year}`,
    table: {
      columns: [
        { label: 'Kennzahl', share: 3 },
        { label: 'Ziel', share: 2, align: 'right' },
        { label: 'Ist', share: 2, align: 'right' },
        { label: 'Bewertung', share: 2 },
      ],
      rows: withTarget.map((f) => [
        f.label,
        value(f.target, f.unit),
        value(f.value, f.unit),
        f.lightLabel ?? '',
      ]),
    },
    note: 'Bewertung: „Ziel erreicht“ (grün), „knapp verfehlt“ (gelb: innerhalb der Toleranz), „verfehlt“ (rot).',
  };
}
