import type { FigureTableKey } from '@leuchtturm/shared';
import { formatNumberPlain } from '@leuchtturm/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { slug } from './csv.ts';
import { baseOption, Chart, FigureSection, palette, valueAxis } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { num, quarterLabel } from './format.ts';
import type { Dashboard, QuarterPoint } from './queries.ts';

const quarterColumn: Column<QuarterPoint> = {
  header: 'Quartal',
  cell: (q) => quarterLabel(q.quarter),
  csv: (q) => quarterLabel(q.quarter),
};
const count = (
  header: string,
  pick: (q: QuarterPoint) => number | null,
  fixed = false,
): Column<QuarterPoint> => ({
  header,
  cell: (q) => num(pick(q), { fixed }),
  csv: (q) => formatNumberPlain(pick(q), { fixed }),
  numeric: true,
});

function lineOption(
  quarters: readonly QuarterPoint[],
  series: { name: string; pick: (q: QuarterPoint) => number | null; color: string; dashed?: boolean }[],
  { stacked = false, yName }: { stacked?: boolean; yName: string },
): EChartsCoreOption {
  return {
    ...baseOption,
    xAxis: { type: 'category', data: quarters.map((q) => quarterLabel(q.quarter)), boundaryGap: stacked },
    yAxis: valueAxis({ name: yName, nameTextStyle: { align: 'left' } }),
    series: series.map((s, i) => ({
      name: s.name,
      type: stacked ? 'bar' : 'line',
      stack: stacked ? 'gesamt' : undefined,
      data: quarters.map(s.pick),
      color: s.color,
      symbol: ['circle', 'diamond', 'triangle'][i],
      symbolSize: 6,
      lineStyle: { width: 2.5, type: s.dashed ? 'dashed' : 'solid' },
      connectNulls: false,
    })),
  };
}

/** a–c: density against the city, ambulant and stationär helps, and the case types, per quarter. */
export function QuarterCharts({ data }: { data: Dashboard }) {
  const { quarters, region } = data;
  const city = region.kind === 'city';
  const period = `${data.fromYear}–${data.toYear}`;
  const file = (what: string) => `${what}-${slug(region.name)}-${data.fromYear}-${data.toYear}.csv`;

  const density = useMemo(() => {
    const own = { name: region.name, pick: (q: QuarterPoint) => q.densityPer1000, color: palette.blue };
    const cityLine = {
      name: 'Stadt (gesamt)',
      pick: (q: QuarterPoint) => q.cityDensityPer1000,
      color: palette.orange,
      dashed: true,
    };
    return {
      option: lineOption(quarters, city ? [own] : [own, cityLine], { yName: 'je 1.000 JEW' }),
      columns: [
        quarterColumn,
        count(`${region.name} (je 1.000 JEW)`, own.pick, true),
        ...(city ? [] : [count('Stadt gesamt (je 1.000 JEW)', cityLine.pick, true)]),
      ],
    };
  }, [quarters, region.name, city]);

  const measures = useMemo(() => {
    const series = [
      { name: 'ambulant', pick: (q: QuarterPoint) => q.ambulant, color: palette.blue },
      { name: 'stationär', pick: (q: QuarterPoint) => q.stationaer, color: palette.orange },
      { name: 'sonstige', pick: (q: QuarterPoint) => q.sonstige, color: palette.gray },
    ];
    return {
      option: lineOption(quarters, series, { stacked: true, yName: 'Hilfen' }),
      columns: [quarterColumn, ...series.map((s) => count(s.name, s.pick))],
    };
  }, [quarters]);

  const caseTypes = useMemo(() => {
    const series = [
      { name: 'Kostenfälle', pick: (q: QuarterPoint) => q.casesKosten, color: palette.blue },
      {
        name: 'Beratungsfälle',
        pick: (q: QuarterPoint) => q.casesBeratung,
        color: palette.teal,
        dashed: true,
      },
      { name: 'Neufälle', pick: (q: QuarterPoint) => q.casesNeu, color: palette.grape },
    ];
    return {
      option: lineOption(quarters, series, { yName: 'Fälle' }),
      columns: [quarterColumn, ...series.map((s) => count(s.name, s.pick))],
    };
  }, [quarters]);

  const table = (caption: string, name: string, columns: Column<QuarterPoint>[], what: FigureTableKey) => (
    <FigureTable
      caption={caption}
      name={name}
      columns={columns}
      rows={quarters}
      rowKey={(q) => q.quarter}
      download={{
        filename: file(what),
        record: { table: what, region: region.key, from: data.fromYear, to: data.toYear },
      }}
    />
  );

  return (
    <>
      <FigureSection
        title="Hilfedichte je 1.000 JEW"
        description={
          city
            ? 'Aktive Hilfen zur Erziehung (ohne § 42) am Quartalsende je 1.000 Jugendeinwohner der Stadt.'
            : `Aktive Hilfen zur Erziehung (ohne § 42) am Quartalsende je 1.000 Jugendeinwohner: ${region.name} (durchgezogen) gegen die Stadt (gestrichelt).`
        }
        chart={
          <Chart
            option={density.option}
            label={`Liniendiagramm: Hilfedichte je 1.000 JEW je Quartal, ${region.name}${city ? '' : ' und Stadt'}, ${period}. Die Werte stehen in der Tabelle daneben.`}
          />
        }
        table={table(
          `Hilfedichte je 1.000 JEW je Quartal, ${region.name}, ${period}`,
          'Hilfedichte je 1.000 JEW',
          density.columns,
          'hilfedichte',
        )}
      />
      <FigureSection
        title="Ambulante und stationäre Hilfen am Quartalsende"
        description="Aktive Hilfen am letzten Tag des Quartals, gestapelt; teilstationäre Hilfen zählen zu ambulant, dazu die sonstigen Hilfen."
        chart={
          <Chart
            option={measures.option}
            label={`Gestapeltes Balkendiagramm: ambulante und stationäre Hilfen je Quartal, ${region.name}, ${period}. Die Werte stehen in der Tabelle daneben.`}
          />
        }
        table={table(
          `Hilfen am Quartalsende nach Art, ${region.name}, ${period}`,
          'Ambulante und stationäre Hilfen',
          measures.columns,
          'hilfen-ambulant-stationaer',
        )}
      />
      <FigureSection
        title="Fallarten je Quartal"
        description="Kostenfälle (mit mindestens einer aktiven Hilfe) und Beratungsfälle am Quartalsende; Neufälle: im Quartal eröffnet."
        chart={
          <Chart
            option={caseTypes.option}
            label={`Liniendiagramm: Kostenfälle, Beratungsfälle und Neufälle je Quartal, ${region.name}, ${period}. Die Werte stehen in der Tabelle daneben.`}
          />
        }
        table={table(
          `Fallarten je Quartal, ${region.name}, ${period}`,
          'Fallarten',
          caseTypes.columns,
          'fallarten',
        )}
      />
    </>
  );
}
