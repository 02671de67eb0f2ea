import { type Dashboard, formatDateDe, type Kpis, todayIso } from '@leuchtturm/shared';
import { type FormSection, renderForm } from '../documents/pdf.ts';
import { suppressSmall } from './publication.ts';

/**
 * A committee report (PDF) of a region: the key figures of the last year of the range, the cost table per year
 * like the Senate's answer, and the density by year. For publication: counts under 5 are shown as "<5".
 */
const euroPlain = (v: string | null) => {
  if (v === null) return 'nicht verfügbar';
  const [int, dec] = v.split('.');
  return `${(int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec ?? '00'} €`;
};
const num = (v: number | null) => (v === null ? 'nicht verfügbar' : String(v).replace('.', ','));

export function controllingReport(
  office: string,
  /** The dashboard of the region over the period. */
  data: Dashboard,
  /** The key figures of the period's last year, with its first as the baseline. */
  k: Kpis,
): Promise<Uint8Array> {
  const { fromYear, toYear } = data;
  const growth = k.growth ?? null;
  const sections: FormSection[] = [
    {
      heading: `Kennzahlen ${toYear}`,
      fields: [
        ['Jugendeinwohner (unter 21)', k.jew === null ? 'nicht verfügbar' : String(k.jew)],
        ['Kostenfälle am 31.12.', suppressSmall(k.cases.kosten)],
        ['Beratungsfälle am 31.12.', suppressSmall(k.cases.beratung)],
        ['Neufälle im Jahr', suppressSmall(k.cases.neu)],
        ['Hilfedichte je 1.000 JEW', num(k.density?.per1000 ?? null)],
        ['Inanspruchnahme je 10.000 JEW', num(k.inanspruchnahme?.per10000 ?? null)],
        ['Kosten gesamt', euroPlain(k.costs.total)],
        ['Kosten je JEW', euroPlain(k.perJew.total)],
        [
          'Median-Dauer beendeter Hilfen',
          k.medianDurationDays === null ? 'nicht verfügbar' : `${k.medianDurationDays} Tage`,
        ],
        [
          `Veränderung der Kosten seit ${fromYear}`,
          growth?.costsTotal === null || !growth ? 'nicht verfügbar' : `${num(growth.costsTotal)} %`,
        ],
      ],
    },
    {
      heading: 'Kosten der Hilfen zur Erziehung je Jahr (teilstationär bei ambulant)',
      fields: data.years.map((y): [string, string] => [
        `${y.year}${y.source === 'imported' ? ' (importiert)' : ''}`,
        y.total === null
          ? 'keine Daten'
          : `ambulant ${euroPlain(y.ambulant)}, stationär ${euroPlain(y.stationaer)}, sonstige ${euroPlain(y.sonstige)}, gesamt ${euroPlain(y.total)}; je JEW ${euroPlain(y.perJewTotal)}`,
      ]),
    },
    {
      heading: 'Hilfedichte je 1.000 JEW am Jahresende (Region / Stadt)',
      fields: data.quarters
        .filter((q) => q.quarter.endsWith('Q4'))
        .map((q): [string, string] => [
          q.quarter.slice(0, 4),
          `${num(q.densityPer1000)} / ${num(q.cityDensityPer1000)}`,
        ]),
    },
    {
      heading: 'Hinweise',
      text: 'Alle Zahlen sind aus den Fallakten und der Kostenregel berechnet, soweit nicht als importiert gekennzeichnet. Fallzahlen unter 5 sind als „<5“ ausgewiesen.',
    },
  ];
  return renderForm({
    office,
    unit: 'Controlling / Jugendhilfeplanung',
    title: `Kennzahlenbericht ${data.region.name}, ${fromYear}–${toYear}`,
    reference: `Region ${data.region.key}`,
    date: formatDateDe(todayIso()),
    sections,
    signatures: [],
  });
}
