import { periodSchema } from '@leuchtturm/shared';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { RegionSelect, YearSelect } from './Controls.tsx';
import { CostSection } from './CostSection.tsx';
import { KpiCards } from './KpiCards.tsx';
import { QuarterCharts } from './QuarterCharts.tsx';
import { useDashboard, useRegions } from './queries.ts';
import { TargetsSection } from './TargetsSection.tsx';
import type { useChoices } from './useChoices.ts';

/** The server's own rule for a period (at most 20 years, from not after to), with its message. */
function periodError(from: number, to: number): string | undefined {
  const result = periodSchema.safeParse({ from, to });
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** Region and period, the key figures of the Stichtag year, and the time series with their tables. */
export function OverviewTab({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const { region, from, to, year, set } = choices;
  const regions = useRegions();
  const invalidPeriod = periodError(from, to);
  const dashboard = useDashboard(region, from, to, invalidPeriod === undefined);

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Group align="flex-start" gap="md">
          <RegionSelect
            regions={regions.data ?? []}
            value={region}
            onChange={(value) => set({ region: value })}
            loading={regions.isPending}
          />
          <YearSelect
            label="Zeitraum von"
            description="erstes Jahr"
            value={from}
            onChange={(value) => set({ von: value })}
          />
          <YearSelect
            label="Zeitraum bis"
            description="letztes Jahr"
            value={to}
            onChange={(value) => set({ bis: value })}
            error={invalidPeriod}
          />
          <YearSelect
            label="Stichtagsjahr"
            description="für die Kennzahlen (31.12.)"
            value={year}
            onChange={(value) => set({ jahr: value })}
            w={210}
          />
        </Group>
        {regions.isError && (
          <ErrorAlert error={regions.error} title="Regionen konnten nicht geladen werden" />
        )}
        {!invalidPeriod && (
          <Group gap="md">
            <Anchor
              href={`/api/v1/controlling/report?${new URLSearchParams({ region, from: String(from), to: String(to) })}`}
              download
            >
              Kennzahlenbericht (PDF) für Ausschüsse
            </Anchor>
            <Anchor
              href={`/api/v1/controlling/export?${new URLSearchParams({ region, from: String(from), to: String(to) })}`}
              download
            >
              Quartalszahlen zur Veröffentlichung (CSV, Fallzahlen unter 5 als „&lt;5“)
            </Anchor>
            <Anchor
              href={`/api/v1/controlling/export?${new URLSearchParams({ region: 'alle', from: String(from), to: String(to) })}`}
              download
            >
              Stadt und alle Stadtteile zur Veröffentlichung (CSV, gemeinsam gesperrt)
            </Anchor>
          </Group>
        )}
      </Stack>

      <KpiCards region={region} year={year} />

      <TargetsSection region={region} year={year} />

      <Stack gap="xl" aria-busy={dashboard.isFetching}>
        {invalidPeriod ? (
          <Text c="gray.8">Bitte wählen Sie einen gültigen Zeitraum, um die Zeitreihen zu sehen.</Text>
        ) : dashboard.isPending ? (
          <Loading />
        ) : dashboard.isError ? (
          <ErrorAlert error={dashboard.error} title="Zeitreihen konnten nicht geladen werden" />
        ) : dashboard.data.quarters.length === 0 && dashboard.data.years.length === 0 ? (
          <Text c="gray.8">Für diese Region und diesen Zeitraum liegen keine Werte vor.</Text>
        ) : (
          <>
            <QuarterCharts data={dashboard.data} />
            <CostSection data={dashboard.data} />
          </>
        )}
      </Stack>
    </Stack>
  );
}
