import {
  type CostYear,
  type Dashboard,
  formatDateDe,
  formatMoney,
  formatNumber,
  type Kpis,
  type RegionKind,
  todayIso,
} from '@leuchtturm/shared';
import { type FormSection, renderForm } from '../documents/pdf.ts';
import { isRampUpYear } from './period.ts';
import { suppressSmall, totalBesideParts, WITHHELD } from './publication.ts';

/**
 * The committee report (Kennzahlenbericht, PDF) of a region and period: the key figures of the period's last year,
 * their change against a baseline year, the cost table per year like the Senate's answer, and the help density by
 * year. Every figure says its scale. One number format: counts whole, rates per 1.000 or 10.000 young inhabitants
 * and percentages with one decimal, money in euro with cents, thousands separated by a point. For publication,
 * counts from 1 to 4 are shown as "<5".
 */

const NA = 'nicht verfügbar';
const count = (n: number | null) => suppressSmall(n, (v) => formatNumber(v, { decimals: 0 }));
const small = (n: number | null) => count(n) === '<5';
/** The open cases are Kostenfälle + Beratungsfälle, published in the key figures: withheld beside a small one. */
const activeCases = (c: { active: number | null; kosten: number | null; beratung: number | null }) =>
  totalBesideParts(c.active, [c.kosten, c.beratung], (v) => formatNumber(v, { decimals: 0 }));
const rate = (n: number | null | undefined) => formatNumber(n, { decimals: 1, fixed: true, none: NA });
/**
 * A rate per `scale` young inhabitants beside their number gives its count back (rate × JEW / scale; rule 2 of
 * docs/controlling-publication.md): withheld when that count is 1 to 4, or when the publication set withholds it.
 * The count is the one the reader recovers, from the rate as the server rounded it (two decimals).
 */
function rateOf(
  n: number | null | undefined,
  jew: number | null | undefined,
  scale: number,
  withheld = false,
) {
  if (n === null || n === undefined) return NA;
  const recovered = jew ? Math.round((n * jew) / scale) : null;
  if (withheld || (recovered !== null && recovered > 0 && recovered < 5)) return WITHHELD;
  return rate(n);
}
const euro = (v: string | null) => (v === null ? NA : formatMoney(v));
/** A change in percent with its sign: "+12,3 %", "−4,0 %", "0,0 %". */
function change(n: number | null | undefined) {
  if (n === null || n === undefined) return NA;
  const rounded = Math.round(n * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '';
  return `${sign}${formatNumber(Math.abs(rounded), { decimals: 1, fixed: true })}\u00a0%`;
}

const kindLabels: Record<RegionKind, string> = {
  city: '',
  centre: 'Sozialzentrum',
  team: 'Stadtteilteam',
  district: 'Stadtteil',
  external: 'importierte Region',
};

export interface ReportInput {
  office: string;
  /** The dashboard of the region over the period. */
  data: Dashboard;
  /** The key figures of the period's last year, with their change since the baseline. */
  k: Kpis;
  /** The key figures of the baseline year (null: no baseline). */
  base: Kpis | null;
  firstRecordYear: number | null;
  /** Targets of the last year with their traffic lights (rentabReport.ts), where any are set. */
  targets?: FormSection;
  /** Years whose density on 31 Dec the publication set withholds, for the region and for the city. */
  withheld?: { region: Set<number>; city: Set<number> };
}

/** The region's density on 31 Dec of a year, beside its young inhabitants (both in the report). */
const densityOf = (input: ReportInput, k: Kpis) =>
  rateOf(k.density?.per1000, k.jew, 1000, input.withheld?.region.has(k.year));

function keyFigures(input: ReportInput): FormSection {
  const { k } = input;
  const y = k.year;
  const imported = (s: string) => (s === 'imported' ? ' (importiert)' : '');
  return {
    heading: `Kennzahlen ${y}`,
    table: {
      columns: [
        { label: 'Kennzahl', share: 3 },
        { label: 'Wert', share: 2, align: 'right' },
        { label: 'Bezug', share: 5 },
      ],
      rows: [
        ['Jugendeinwohner (JEW)', count(k.jew), `Einwohner unter 21 Jahren ${y}${imported(k.sources.jew)}`],
        ['Kostenfälle', count(k.cases.kosten), `Fälle mit laufender Hilfe am 31.12.${y}`],
        ['Beratungsfälle', count(k.cases.beratung), `Fälle ohne laufende Hilfe am 31.12.${y}`],
        ['Neufälle', count(k.cases.neu), `im Jahr ${y} eröffnete Fälle`],
        ['Hilfedichte', densityOf(input, k), `laufende Hilfen je 1.000 JEW am 31.12.${y}`],
        [
          'Inanspruchnahme',
          rateOf(k.inanspruchnahme?.per10000, k.jew, 10_000),
          `Hilfen (laufend am 31.12. oder im Jahr beendet) je 10.000 JEW im Jahr ${y}`,
        ],
        ['Kosten gesamt', euro(k.costs.total), `Ausgaben im Jahr ${y}${imported(k.sources.costs)}`],
        ['Kosten je JEW', euro(k.perJew.total), `Ausgaben im Jahr ${y} je Einwohner unter 21 Jahren`],
        [
          'Dauer beendeter Hilfen',
          k.medianDurationDays === null ? NA : `${formatNumber(k.medianDurationDays)} Tage`,
          `Median der im Jahr ${y} beendeten Hilfen`,
        ],
      ],
    },
  };
}

function growth(input: ReportInput): FormSection {
  const { k, base, firstRecordYear } = input;
  const g = k.growth;
  if (!base || !g) {
    return {
      heading: 'Veränderung',
      text: 'Im Zeitraum gibt es vor dem letzten Jahr kein volles Jahr mit Daten außer dem Einführungsjahr; die Veränderung wird nicht ausgewiesen.',
    };
  }
  const b = base.year;
  const rampUp = isRampUpYear(b, firstRecordYear);
  return {
    heading: `Veränderung ${b} bis ${k.year}`,
    table: {
      columns: [
        { label: 'Kennzahl', share: 3.3 },
        { label: String(b), share: 2, align: 'right' },
        { label: String(k.year), share: 2, align: 'right' },
        { label: 'Veränderung', share: 1.7, align: 'right' },
      ],
      rows: [
        ['Kosten gesamt (€ im Jahr)', euro(base.costs.total), euro(k.costs.total), change(g.costsTotal)],
        ['Kosten je JEW (€ im Jahr)', euro(base.perJew.total), euro(k.perJew.total), change(g.perJewTotal)],
        [
          'Hilfedichte (je 1.000 JEW, 31.12.)',
          densityOf(input, base),
          densityOf(input, k),
          // A change beside a withheld density would give it back from the other.
          densityOf(input, base) === WITHHELD || densityOf(input, k) === WITHHELD
            ? 'nicht ausgewiesen'
            : change(g.densityPer1000),
        ],
        [
          'Fälle (am 31.12.)',
          activeCases(base.cases),
          activeCases(k.cases),
          // A change between counts not shown as they are would give the count away.
          activeCases(base.cases) !== count(base.cases.active) ||
          activeCases(k.cases) !== count(k.cases.active) ||
          small(base.cases.active) ||
          small(k.cases.active)
            ? 'nicht ausgewiesen'
            : change(g.casesActive),
        ],
      ],
    },
    note: `Basisjahr ${b}${
      rampUp
        ? ' (ausdrücklich gewählt; es ist das Einführungsjahr, dessen Zahlen nur einen Teil der Fälle erfassen)'
        : ''
    }. Veränderung in Prozent des Werts im Basisjahr.${
      firstRecordYear !== null && !rampUp
        ? ` Das Einführungsjahr ${firstRecordYear} (erstes Jahr mit Fallakten) dient nicht als Basis, weil es nur die seitdem eröffneten Fälle enthält.`
        : ''
    }`,
  };
}

function yearLabel(y: CostYear, firstRecordYear: number | null) {
  if (y.source === 'imported') return `${y.year} (i)`;
  return isRampUpYear(y.year, firstRecordYear) ? `${y.year} (E)` : String(y.year);
}

function costTable({ data, firstRecordYear }: ReportInput): FormSection {
  return {
    heading: 'Kosten der Hilfen zur Erziehung je Jahr',
    table: {
      columns: [
        { label: 'Jahr', share: 1.1 },
        { label: 'ambulant', share: 2, align: 'right' },
        { label: 'stationär', share: 2, align: 'right' },
        { label: 'sonstige', share: 1.8, align: 'right' },
        { label: 'gesamt', share: 2.1, align: 'right' },
        { label: 'je JEW', share: 1.3, align: 'right' },
      ],
      rows: data.years.map((y) =>
        y.total === null
          ? [yearLabel(y, firstRecordYear), 'keine Daten', '', '', '', '']
          : [
              yearLabel(y, firstRecordYear),
              euro(y.ambulant),
              euro(y.stationaer),
              euro(y.sonstige),
              euro(y.total),
              euro(y.perJewTotal),
            ],
      ),
    },
    note: 'Ausgaben im Kalenderjahr in Euro; ambulant einschließlich teilstationär; je JEW: je Einwohner unter 21 Jahren. (i) importierte Werte; (E) Einführungsjahr, erstes Jahr mit Fallakten, enthält nur die seitdem eröffneten Fälle.',
  };
}

function densityTable({ data, withheld }: ReportInput): FormSection {
  const city = data.region.kind === 'city';
  const ends = data.quarters.filter((q) => q.quarter.endsWith('Q4'));
  const jew = (year: number) => data.years.find((y) => y.year === year)?.jew;
  return {
    heading: 'Hilfedichte am Jahresende',
    table: {
      columns: [
        { label: 'Jahr', share: 1 },
        { label: data.region.name, share: 2, align: 'right' },
        ...(city ? [] : [{ label: 'Stadt (gesamt)', share: 2, align: 'right' as const }]),
      ],
      rows: ends.map((q) => {
        const year = Number(q.quarter.slice(0, 4));
        const own = withheld?.region.has(year) || (q.hze > 0 && q.hze < 5);
        return [
          String(year),
          rateOf(q.densityPer1000, jew(year), 1000, own),
          ...(city ? [] : [rateOf(q.cityDensityPer1000, null, 1000, withheld?.city.has(year))]),
        ];
      }),
    },
    note: 'Laufende Hilfen zur Erziehung (§§ 27–35a, 41 SGB VIII) je 1.000 Einwohner unter 21 Jahren am 31.12. „gesperrt“: die Dichte gäbe mit den Jugendeinwohnern eine Fallzahl unter 5 zurück.',
  };
}

export function controllingReport(input: ReportInput): Promise<Uint8Array> {
  const { data, base } = input;
  const { fromYear, toYear, region } = data;
  return renderForm({
    office: input.office,
    unit: 'Controlling / Jugendhilfeplanung',
    title: `Kennzahlenbericht ${region.name}, ${fromYear}–${toYear}`,
    meta: [
      ['Region', kindLabels[region.kind] ? `${region.name} (${kindLabels[region.kind]})` : region.name],
      ['Zeitraum', `${fromYear}–${toYear}`],
      ['Basisjahr', base ? String(base.year) : 'keines'],
      ['Stand', formatDateDe(todayIso())],
    ],
    sections: [
      keyFigures(input),
      growth(input),
      ...(input.targets ? [input.targets] : []),
      costTable(input),
      densityTable(input),
      {
        heading: 'Hinweise',
        text: 'Alle Zahlen sind aus den Fallakten und der Kostenregel berechnet, soweit nicht als importiert gekennzeichnet. Fallzahlen von 1 bis 4 sind als „<5“ ausgewiesen; eine Dichte, aus der sich mit den Jugendeinwohnern eine solche Fallzahl errechnen ließe, ist „gesperrt“. Zahlen im deutschen Format: Punkt zwischen Tausendern, Komma vor den Nachkommastellen; Raten und Prozente mit einer Nachkommastelle, Beträge mit Cent.',
      },
    ],
    signatures: [],
  });
}
