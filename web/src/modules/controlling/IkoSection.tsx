import { formatMoney, formatMoneyPlain, type Iko, type IkoCategory, periodSchema } from '@leuchtturm/shared';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { notAvailable } from './format.ts';
import { useIko } from './steeringQueries.ts';
import type { useChoices } from './useChoices.ts';

const categoryLabels: Record<IkoCategory, string> = {
  ambulant: 'ambulant',
  stationaer: 'stationär',
  sonstige: 'sonstige',
  total: 'gesamt',
};

interface Row {
  key: string;
  year: number;
  category: IkoCategory;
  cities: number;
  mean: string | null;
  median: string | null;
  own: string | null;
}

function rowsOf(iko: Iko): Row[] {
  return iko.years.flatMap((y) =>
    y.categories.map((c) => ({
      key: `${y.year}-${c.category}`,
      year: y.year,
      category: c.category,
      cities: c.values.length,
      mean: c.mean,
      median: c.median,
      own: c.values.find((v) => v.own)?.perJew ?? null,
    })),
  );
}

const euro = (header: string, pick: (r: Row) => string | null): Column<Row> => ({
  header,
  cell: (r) => formatMoney(pick(r), notAvailable),
  csv: (r) => formatMoneyPlain(pick(r)),
  numeric: true,
});
const columns: Column<Row>[] = [
  { header: 'Jahr', cell: (r) => r.year, csv: (r) => String(r.year) },
  { header: 'Kostenart', cell: (r) => categoryLabels[r.category], csv: (r) => categoryLabels[r.category] },
  { header: 'Städte', cell: (r) => r.cities, csv: (r) => String(r.cities), numeric: true },
  euro('eigene Stadt je JEW (€)', (r) => r.own),
  euro('Mittelwert je JEW (€)', (r) => r.mean),
  euro('Median je JEW (€)', (r) => r.median),
];

/** The IKO comparison over several years: per cost category the mean and median cost per JEW of the ring. */
export function IkoSection({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const id = useId();
  const { from, to, set } = choices;
  const period = periodSchema.safeParse({ from, to });
  const invalid = period.success ? undefined : period.error.issues[0]?.message;
  const iko = useIko(from, to, invalid === undefined);
  return (
    <section aria-labelledby={id} className="ctl-section">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          Vergleich über mehrere Jahre je Kostenart
        </Title>
        <Text maw={760}>
          Kosten je Jugendeinwohner unter 21 der Städte mit importierten Werten und der eigenen Stadt, je
          Kostenart mit Mittelwert und Median.
        </Text>
        <Group align="flex-start">
          <YearSelect label="Von" value={from} onChange={(v) => set({ von: v })} />
          <YearSelect label="Bis" value={to} onChange={(v) => set({ bis: v })} error={invalid} />
        </Group>
        {invalid ? null : iko.isPending ? (
          <Loading />
        ) : iko.isError ? (
          <ErrorAlert error={iko.error} title="Vergleich konnte nicht geladen werden" />
        ) : (
          <FigureTable
            caption={`Kosten je JEW im IKO-Vergleich ${from}–${to}: Mittelwert und Median je Kostenart`}
            name="IKO-Vergleich"
            columns={columns}
            rows={rowsOf(iko.data)}
            rowKey={(r) => r.key}
            download={{ filename: `iko-vergleich-${from}-${to}.csv`, record: { table: 'iko', from, to } }}
          />
        )}
      </Stack>
    </section>
  );
}
