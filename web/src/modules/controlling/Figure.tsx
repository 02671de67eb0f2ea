import { formatNumber } from '@leuchtturm/shared';
import { Alert, Center, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { Component, lazy, type ReactNode, Suspense, useId } from 'react';

const EChart = lazy(() => import('./EChart.tsx'));

/** Shows `fallback` instead of a part that failed to load or to start (a chart or the map), not a blank page. */
export class Fallback extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A lazily loaded chart with its loading state and a German note if it cannot be shown. */
export function Chart({
  option,
  label,
  height = 340,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  return (
    <Fallback
      fallback={
        <Alert color="yellow" title="Diagramm nicht verfügbar">
          Das Diagramm konnte nicht geladen werden. Alle Werte stehen in der Tabelle.
        </Alert>
      }
    >
      <Suspense
        fallback={
          <Center h={height}>
            <Loader aria-label="Diagramm wird geladen" role="status" />
          </Center>
        }
      >
        <EChart option={option} label={label} height={height} />
      </Suspense>
    </Fallback>
  );
}

/**
 * One figure of the dashboard: a section with its heading, a short explanation, the chart and the table with the
 * same figures (beside the chart on wide screens, or below it).
 */
export function FigureSection({
  title,
  description,
  chart,
  table,
  stacked = false,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  stacked?: boolean;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="ctl-section">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {description && <Text maw={760}>{description}</Text>}
        {stacked ? (
          <Stack gap="md">
            {chart}
            {table}
          </Stack>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>{chart}</Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>{table}</Grid.Col>
          </Grid>
        )}
      </Stack>
    </section>
  );
}

/** Dark, distinguishable series colours (non-text contrast ≥ 3:1 on white). */
export const palette = {
  blue: '#1864ab',
  orange: '#c92a2a',
  teal: '#087f5b',
  grape: '#862e9c',
  gray: '#495057',
  yellow: '#a16207',
};

/** A value axis with German numbers (1.200 rather than 1,200). */
export const valueAxis = (extra: Record<string, unknown> = {}) => ({
  type: 'value',
  axisLabel: { formatter: (v: number) => formatNumber(v) },
  ...extra,
});

/** Shared chart settings: readable axis text, German number format in tooltips. */
export const baseOption = {
  textStyle: { color: '#343a40', fontFamily: 'system-ui, sans-serif' },
  grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
  legend: { top: 0, textStyle: { color: '#212529', fontSize: 13 } },
  tooltip: {
    trigger: 'axis',
    valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '–'),
  },
  animation: false,
};
