import {
  formatMoney,
  formatMoneyPlain,
  formatNumberPlain,
  formatPlottedMoney,
  periodSchema,
  type RentabRow,
} from '@leuchtturm/shared';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { RegionSelect, YearSelect } from './Controls.tsx';
import { baseOption, Chart, FigureSection, palette, valueAxis } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { num, toNumber } from './format.ts';
import { regionValue, useRegions } from './queries.ts';
import { RentabInputs } from './RentabInputs.tsx';
import { useRentabSeries } from './steeringQueries.ts';
import type { useChoices } from './useChoices.ts';

const euro = (header: string, pick: (r: RentabRow) => string): Column<RentabRow> => ({
  header,
  cell: (r) => formatMoney(pick(r)),
  csv: (r) => formatMoneyPlain(pick(r)),
  numeric: true,
});
const pct = (header: string, pick: (r: RentabRow) => number | null): Column<RentabRow> => ({
  header,
  cell: (r) => (pick(r) === null ? num(null) : `${num(pick(r), { fixed: true })} %`),
  csv: (r) => formatNumberPlain(pick(r), { fixed: true }),
  numeric: true,
});

const columns: Column<RentabRow>[] = [
  {
    header: 'Jahr',
    cell: (r) => (r.forecast ? `${r.year} (Prognose)` : r.year),
    csv: (r) => (r.forecast ? `${r.year} (Prognose)` : String(r.year)),
  },
  euro('Kosten Standort Vorjahr (€)', (r) => r.costSitePrev),
  euro('Kosten Standort (€)', (r) => r.costSite),
  pct('Entwicklung Standort', (r) => r.siteChangePct),
  pct('Entwicklung Vergleichsregion', (r) => r.refChangePct),
  euro('erwartete Kosten (€)', (r) => r.expected),
  euro('Einsparung (€)', (r) => r.savings),
  pct('Einsparung in % des Vorjahrs', (r) => r.savingsPct),
  euro('Mehrkosten Personal (€)', (r) => r.extra.staff),
  euro('Mehrkosten Qualifizierung (€)', (r) => r.extra.training),
  euro('Mehrkosten Sonstige (€)', (r) => r.extra.other),
  euro('Netto-Effekt (€)', (r) => r.net),
  euro('Netto-Effekt kumuliert (€)', (r) => r.cumulativeNet),
];

/**
 * "Rentabilität": the Rentabilitätsbetrachtung as the ESPQ report does it, as a series with the cumulative net
 * effect and forecast rows from the planned cost path; chart, table (CSV/XLSX) and PDF.
 */
export function RentabilitaetTab({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const regions = useRegions();
  const canSteer = useCan('controlling:steer');
  const [chosenSite, setSite] = useState<string | null>(null);
  // The site defaults to the chosen region, or to the first Sozialzentrum or Stadtteil when the city is chosen.
  const firstPart = regions.data?.find((r) => r.kind === 'centre' || r.kind === 'district');
  const site =
    chosenSite ??
    (choices.region !== 'stadt'
      ? choices.region
      : firstPart
        ? regionValue(firstPart, regions.data ?? [])
        : '');
  const [reference, setReference] = useState('stadt');
  const { from, to, set } = choices;
  const period = periodSchema.safeParse({ from, to });
  const invalid = period.success ? undefined : period.error.issues[0]?.message;
  const ready = site !== '' && invalid === undefined;
  const series = useRentabSeries(site, reference, from, to, ready);
  const rows = useMemo(
    () => (series.data ? [...series.data.rows, ...series.data.forecast] : []),
    [series.data],
  );
  const option = useMemo((): EChartsCoreOption => {
    const years = rows.map((r) => (r.forecast ? `${r.year} (P)` : String(r.year)));
    return {
      ...baseOption,
      tooltip: {
        ...baseOption.tooltip,
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPlottedMoney(v) : '–'),
      },
      xAxis: { type: 'category', data: years },
      yAxis: valueAxis({ name: '€' }),
      series: [
        { name: 'Einsparung', type: 'bar', data: rows.map((r) => toNumber(r.savings)), color: palette.blue },
        {
          name: 'Mehrkosten',
          type: 'bar',
          data: rows.map((r) => toNumber(r.extra.total)),
          color: palette.gray,
        },
        {
          name: 'Netto-Effekt kumuliert',
          type: 'line',
          data: rows.map((r) => toNumber(r.cumulativeNet)),
          color: palette.orange,
        },
      ],
    };
  }, [rows]);
  const params = new URLSearchParams({ site, reference, from: String(from), to: String(to) });

  return (
    <Stack gap="lg">
      <Group align="flex-start" gap="md">
        {site !== '' && (
          <RegionSelect
            label="Projektstandort"
            description="Region mit dem Projekt"
            regions={regions.data ?? []}
            value={site}
            onChange={setSite}
            loading={regions.isPending}
          />
        )}
        <RegionSelect
          label="Vergleichsregion"
          description="Entwicklung ohne Projekt"
          regions={regions.data ?? []}
          value={reference}
          onChange={setReference}
          loading={regions.isPending}
        />
        <YearSelect
          label="Von"
          description="erstes Projektjahr"
          value={from}
          onChange={(v) => set({ von: v })}
        />
        <YearSelect
          label="Bis"
          description="letztes Jahr"
          value={to}
          onChange={(v) => set({ bis: v })}
          error={invalid}
        />
      </Group>
      <Text maw={760}>
        Hätten sich die Kosten am Standort wie in der Vergleichsregion entwickelt, wären sie „erwartet“
        gewesen. Die Einsparung ist der Unterschied zu den tatsächlichen Kosten, der Netto-Effekt die
        Einsparung abzüglich der Mehrkosten des Projekts. Eine negative Einsparung heißt: der Standort ist
        stärker gewachsen.
      </Text>
      {site === '' ? (
        regions.isPending ? (
          <Loading />
        ) : (
          <Text c="gray.8">
            Es gibt noch keine Region außer der Stadt; bitte importieren Sie Werte einer Region.
          </Text>
        )
      ) : !ready ? (
        <Text c="gray.8">Bitte wählen Sie einen gültigen Zeitraum.</Text>
      ) : series.isPending ? (
        <Loading />
      ) : series.isError ? (
        <ErrorAlert error={series.error} title="Rentabilitätsbetrachtung nicht möglich" />
      ) : (
        <>
          <Anchor href={`/api/v1/controlling/rentabilitaet/report?${params}`} download>
            Rentabilitätsbetrachtung als PDF
          </Anchor>
          <FigureSection
            stacked
            title={`Rentabilität ${series.data.site} gegenüber ${series.data.reference}, ${from}–${to}`}
            description={`Einsparung und Mehrkosten je Jahr als Balken, der kumulierte Netto-Effekt als Linie. Summe ${from}–${to}: Netto-Effekt ${formatMoney(series.data.totals.net)}.`}
            chart={
              <Chart
                option={option}
                label={`Diagramm: Einsparung, Mehrkosten und kumulierter Netto-Effekt je Jahr. Die Werte stehen in der Tabelle.`}
              />
            }
            table={
              <FigureTable
                caption={`Rentabilitätsbetrachtung ${series.data.site} gegenüber ${series.data.reference}`}
                name="Rentabilitätsbetrachtung"
                columns={columns}
                rows={rows}
                rowKey={(r) => r.year}
                download={{
                  filename: `rentabilitaet-${from}-${to}.csv`,
                  record: { table: 'rentabilitaet', from, to, region: site },
                }}
              />
            }
          />
        </>
      )}
      {site !== '' && <RentabInputs site={site} reference={reference} year={to} canSteer={canSteer} />}
    </Stack>
  );
}
