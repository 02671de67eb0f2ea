import {
  formatMoney,
  formatMoneyPlain,
  formatNumber,
  formatNumberPlain,
  formatPlottedMoney,
} from '@leuchtturm/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { slug } from './csv.ts';
import { baseOption, Chart, FigureSection, palette } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { notAvailable, num, toNumber } from './format.ts';
import { SourceBadge } from './KpiCards.tsx';

const sourceLabels = {
  computed: 'berechnet',
  imported: 'importiert',
  derived: 'aus Import abgeleitet',
  none: 'keine Daten',
} as const;

import type { CostYear, Dashboard } from './queries.ts';

const euro = (header: string, pick: (y: CostYear) => string | null): Column<CostYear> => ({
  header,
  cell: (y) => formatMoney(pick(y), notAvailable),
  csv: (y) => formatMoneyPlain(pick(y)),
  numeric: true,
});

const columns: Column<CostYear>[] = [
  { header: 'Jahr', cell: (y) => y.year, csv: (y) => String(y.year) },
  {
    header: 'Quelle',
    cell: (y) =>
      y.source === 'imported' || y.source === 'derived' ? (
        <SourceBadge source={y.source} />
      ) : y.source === 'none' ? (
        'keine Daten'
      ) : (
        'berechnet'
      ),
    csv: (y) => sourceLabels[y.source],
  },
  { header: 'JEW', cell: (y) => num(y.jew), csv: (y) => formatNumberPlain(y.jew), numeric: true },
  euro('ambulant (€)', (y) => y.ambulant),
  euro('stationär (€)', (y) => y.stationaer),
  euro('sonstige (€)', (y) => y.sonstige),
  euro('gesamt (€)', (y) => y.total),
  euro('ambulant je JEW (€)', (y) => y.perJewAmbulant),
  euro('stationär je JEW (€)', (y) => y.perJewStationaer),
  euro('sonstige je JEW (€)', (y) => y.perJewSonstige),
  euro('gesamt je JEW (€)', (y) => y.perJewTotal),
];

/** d: the cost table per year as in the Senate's answer of 2023, with a stacked bar chart of the totals. */
export function CostSection({ data }: { data: Dashboard }) {
  const { years, region } = data;
  const period = `${data.fromYear}–${data.toYear}`;
  const option = useMemo((): EChartsCoreOption => {
    const parts = [
      { name: 'ambulant', pick: (y: CostYear) => y.ambulant, color: palette.blue },
      { name: 'stationär', pick: (y: CostYear) => y.stationaer, color: palette.orange },
      { name: 'sonstige', pick: (y: CostYear) => y.sonstige, color: palette.gray },
    ];
    return {
      ...baseOption,
      tooltip: {
        ...baseOption.tooltip,
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPlottedMoney(v) : '–'),
      },
      xAxis: {
        type: 'category',
        data: years.map((y) =>
          y.source === 'imported' || y.source === 'derived' ? `${y.year}*` : String(y.year),
        ),
        axisLabel: { interval: 0, rotate: years.length > 12 ? 45 : 0 },
      },
      yAxis: {
        type: 'value',
        name: 'Mio. €',
        axisLabel: { formatter: (v: number) => formatNumber(v / 1_000_000, { decimals: 1 }) },
      },
      series: parts.map((p) => ({
        name: p.name,
        type: 'bar',
        stack: 'gesamt',
        color: p.color,
        // Imported years are drawn lighter.
        data: years.map((y) => ({
          value: toNumber(p.pick(y)),
          ...(y.source === 'imported' || y.source === 'derived' ? { itemStyle: { opacity: 0.55 } } : {}),
        })),
      })),
    };
  }, [years]);

  return (
    <FigureSection
      stacked
      title="Kosten je Jahr"
      description="Ausgaben für Hilfen nach Art (teilstationär bei ambulant), gesamt und je Jugendeinwohner. Jahre vor den Aufzeichnungen stammen aus importierten Werten: in der Tabelle als „importiert“ gekennzeichnet, im Diagramm heller und mit * am Jahr."
      chart={
        <Chart
          option={option}
          label={`Gestapeltes Balkendiagramm: Kosten je Jahr nach ambulant, stationär und sonstige, ${region.name}, ${period}. Die Werte stehen in der Tabelle darunter.`}
        />
      }
      table={
        <FigureTable
          caption={`Kosten je Jahr, ${region.name}, ${period}`}
          name="Kosten je Jahr"
          columns={columns}
          rows={years}
          rowKey={(y) => y.year}
          download={{
            filename: `kosten-${slug(region.name)}-${data.fromYear}-${data.toYear}.csv`,
            record: { table: 'kosten', region: region.key, from: data.fromYear, to: data.toYear },
          }}
          maxHeight={520}
        />
      }
    />
  );
}
