import { type RentabRow, type RentabSeries, rentabCategoryLabels } from '@leuchtturm/shared';

/** The Rentabilitätsbetrachtung series as a plain table on the terminal: euro with a decimal point, as --json. */
export function printSeries(s: RentabSeries): void {
  console.log(`Rentabilität ${s.site} gegen ${s.reference}, ${s.from}-${s.to}`);
  console.log(`Kostenarten: ${s.categories.map((c) => rentabCategoryLabels[c]).join(', ')}`);
  const head = ['Jahr', 'Kosten', 'erwartet', 'Einsparung', 'Mehrkosten', 'Netto', 'kumuliert'];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(16) : c.padStart(15))).join(' '));
  line(head);
  const cells = (r: RentabRow) => [
    r.forecast ? `${r.year} (Prognose)` : String(r.year),
    r.costSite,
    r.expected,
    r.savings,
    r.extra.total,
    r.net,
    r.cumulativeNet,
  ];
  for (const r of [...s.rows, ...s.forecast]) line(cells(r));
  console.log(
    `Summe ${s.from}-${s.to}: Einsparung ${s.totals.savings} €, Mehrkosten ${s.totals.extra} €, Netto ${s.totals.net} €`,
  );
}
