import { formatMoney } from '@leuchtturm/shared';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { NOT_AVAILABLE, notAvailable, num, percent } from './format.ts';
import { type FigureSource, type Kpis, useKpis } from './queries.ts';

/**
 * The text badge for figures that come from imported aggregates rather than from the records: "importiert" as
 * given, "aus Import abgeleitet" when added up from imported quarters or months.
 */
export function ImportedBadge({ derived = false }: { derived?: boolean }) {
  return (
    <Badge variant="light" color="yellow" tt="none" size="md" radius="sm" className="ctl-badge">
      {derived ? 'aus Import abgeleitet' : 'importiert'}
    </Badge>
  );
}

/** The badge for a figure's source, or nothing for a computed one. */
export function SourceBadge({ source }: { source?: FigureSource }) {
  if (source === 'imported') return <ImportedBadge />;
  if (source === 'derived') return <ImportedBadge derived />;
  return null;
}

interface Card {
  label: string;
  value: string;
  detail?: string;
  source?: FigureSource;
}

function cards(k: Kpis): Card[] {
  const c = k.cases;
  return [
    { label: 'Jugendeinwohner (unter 21)', value: num(k.jew), source: k.sources.jew },
    {
      label: 'Hilfedichte je 1.000 JEW',
      value: num(k.density?.per1000 ?? null),
      detail: 'HzE am 31.12.',
      source: k.sources.measures,
    },
    { label: 'Kostenfälle', value: num(c.kosten), detail: 'am 31.12.', source: k.sources.cases },
    { label: 'Beratungsfälle', value: num(c.beratung), detail: 'am 31.12.', source: k.sources.cases },
    { label: 'Neufälle', value: num(c.neu), detail: `im Jahr ${k.year}`, source: k.sources.newCases },
    { label: 'Anteil Beratungsfälle', value: percent(k.shareBeratung), detail: 'an allen aktiven Fällen' },
    { label: 'Kosten gesamt', value: formatMoney(k.costs.total, notAvailable), source: k.sources.costs },
    { label: 'Kosten je JEW', value: formatMoney(k.perJew.total, notAvailable), source: k.sources.costs },
    {
      label: 'ambulant : stationär',
      value: k.ambulantStationaerRatio === null ? NOT_AVAILABLE : `${num(k.ambulantStationaerRatio)} : 1`,
      detail: 'Hilfen am 31.12., teilstationär bei ambulant',
    },
    {
      label: 'Median-Dauer beendeter Hilfen',
      value: k.medianDurationDays === null ? NOT_AVAILABLE : `${num(k.medianDurationDays)} Tage`,
    },
    {
      label: 'Fälle je VZE',
      value: num(k.staffing.casesPerVze),
      detail:
        k.staffing.istVze === null
          ? undefined
          : `Ist ${num(k.staffing.istVze)} VZE${k.staffing.sollVze === null ? '' : `, Soll ${num(k.staffing.sollVze)} VZE`}`,
      source: k.sources.staffing,
    },
  ];
}

/** The key figures of a region on the Stichtag of a year, as cards. */
export function KpiCards({ region, year }: { region: string; year: number }) {
  const id = useId();
  const kpis = useKpis(region, year);
  return (
    <section aria-labelledby={id} aria-busy={kpis.isFetching}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          Kennzahlen {kpis.data ? `${kpis.data.region.name} ` : ''}
          {year}
        </Title>
        {kpis.isPending ? (
          <Loading />
        ) : kpis.isError ? (
          <ErrorAlert error={kpis.error} title="Kennzahlen konnten nicht geladen werden" />
        ) : (
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm" m={0}>
            {cards(kpis.data).map((card) => (
              <Paper key={card.label} withBorder p="sm" radius="md" className="ctl-card">
                <Text component="dt" size="sm" fw={500} c="gray.8">
                  {card.label}
                </Text>
                <Group component="dd" gap="xs" m={0} align="baseline">
                  <Text span fz={card.value === NOT_AVAILABLE ? 'md' : 24} fw={700} c="blue.9">
                    {card.value}
                  </Text>
                  <SourceBadge source={card.source} />
                </Group>
                {card.detail && (
                  <Text component="dd" size="sm" c="gray.8" m={0}>
                    {card.detail}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </section>
  );
}
