import { formatMoney, formatMoneyPlain, formatNumberPlain, formatPlottedMoney } from '@leuchtturm/shared';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { baseOption, Chart, FigureSection, palette, valueAxis } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { notAvailable, num, toNumber } from './format.ts';
import { IkoSection } from './IkoSection.tsx';
import { SourceBadge } from './KpiCards.tsx';
import { type Comparison, useComparison } from './queries.ts';
import type { useChoices } from './useChoices.ts';

type City = Comparison['cities'][number];

const columns: Column<City>[] = [
  {
    header: 'Stadt',
    cell: (c) =>
      c.own ? (
        <Group gap="xs" component="span">
          {c.region}
          <Badge variant="light" color="blue" tt="none" radius="sm" className="ctl-badge">
            eigene Stadt
          </Badge>
        </Group>
      ) : (
        c.region
      ),
    csv: (c) => c.region,
  },
  {
    header: 'Quelle',
    cell: (c) => (c.source === 'computed' ? 'berechnet' : <SourceBadge source={c.source} />),
    csv: (c) =>
      c.source === 'imported' ? 'importiert' : c.source === 'derived' ? 'aus Import abgeleitet' : 'berechnet',
  },
  {
    header: 'Kosten je JEW (€)',
    cell: (c) => formatMoney(c.perJewTotal, notAvailable),
    csv: (c) => formatMoneyPlain(c.perJewTotal),
    numeric: true,
  },
  {
    header: 'Hilfedichte je 10.000 JEW',
    cell: (c) => num(c.densityPer10000, { fixed: true }),
    csv: (c) => formatNumberPlain(c.densityPer10000, { fixed: true }),
    numeric: true,
  },
];

/** The IKO comparison: costs per JEW of the cities of the ring and of this city, with the median. */
export function ComparisonTab({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const { year, set } = choices;
  const comparison = useComparison(year);
  const data = comparison.data;

  // The server ranks the cities (lowest cost per JEW first), comparing the amounts exactly.
  const sorted = useMemo(() => data?.cities ?? [], [data]);
  const option = useMemo((): EChartsCoreOption => {
    const median = toNumber(data?.medianPerJewTotal ?? null);
    return {
      ...baseOption,
      legend: { show: false },
      grid: { ...baseOption.grid, top: 24, right: 48 },
      tooltip: {
        ...baseOption.tooltip,
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? formatPlottedMoney(v, { cents: true }) : '–',
      },
      yAxis: { type: 'category', data: sorted.map((c) => c.region) },
      xAxis: valueAxis({ name: '€ je JEW', nameLocation: 'middle', nameGap: 28 }),
      series: [
        {
          name: 'Kosten je JEW',
          type: 'bar',
          data: sorted.map((c) => ({
            value: toNumber(c.perJewTotal),
            itemStyle: { color: c.own ? palette.orange : palette.blue },
          })),
          markLine:
            median === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { color: '#212529', type: 'dashed', width: 2 },
                  label: { formatter: 'Median', color: '#212529' },
                  data: [{ xAxis: median }],
                },
        },
      ],
    };
  }, [sorted, data]);

  return (
    <Stack gap="lg">
      <Group align="flex-start">
        <YearSelect
          label="Jahr"
          description="Vergleichsjahr"
          value={year}
          onChange={(v) => set({ jahr: v })}
        />
      </Group>
      {comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorAlert error={comparison.error} title="Städtevergleich konnte nicht geladen werden" />
      ) : data && data.cities.length === 0 ? (
        <Text c="gray.8">
          Für {year} liegen keine Kosten je JEW vor. Werte anderer Städte kommen über „Daten importieren“
          (Kennzahlen costs_* und jew_u21).
        </Text>
      ) : data ? (
        <>
          {data.cities.length === 1 && (
            <Text c="gray.8">
              Für {year} sind noch keine Werte anderer Städte importiert; gezeigt wird nur die eigene Stadt.
            </Text>
          )}
          <FigureSection
            title={`Kosten je JEW im Städtevergleich ${year}`}
            description={`Ausgaben für Hilfen je Jugendeinwohner unter 21 in den Städten des IKO-Vergleichsrings; die eigene Stadt ist rot, die gestrichelte Linie ist der Median (${formatMoney(data.medianPerJewTotal, notAvailable)}).`}
            chart={
              <Chart
                option={option}
                height={Math.max(220, 60 + sorted.length * 34)}
                label={`Balkendiagramm: Kosten je JEW ${year} je Stadt mit Median. Die Werte stehen in der Tabelle daneben.`}
              />
            }
            table={
              <FigureTable
                caption={`Kosten je JEW und Hilfedichte der Städte ${year}`}
                name="Städtevergleich"
                columns={columns}
                rows={sorted}
                rowKey={(c) => c.region}
                download={{
                  filename: `staedtevergleich-${year}.csv`,
                  record: { table: 'staedtevergleich', year },
                }}
                footer={{
                  cells: ['Median', '', formatMoney(data.medianPerJewTotal, notAvailable), ''],
                  csv: ['Median', '', formatMoneyPlain(data.medianPerJewTotal), ''],
                }}
              />
            }
          />
        </>
      ) : null}
      <IkoSection choices={choices} />
    </Stack>
  );
}
