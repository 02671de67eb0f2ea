import { compareMoney, formatMoney, formatMoneyPlain, formatNumberPlain } from '@leuchtturm/shared';
import { Alert, Box, Center, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { Fallback } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { notAvailable, num } from './format.ts';
import { classify, type MapClasses } from './mapClasses.ts';
import { type DistrictFigure, useDistricts, useOutlines } from './queries.ts';
import type { MapFigure } from './search.ts';
import type { useChoices } from './useChoices.ts';

const DistrictMap = lazy(() => import('./DistrictMap.tsx'));

const figures: Record<
  MapFigure,
  {
    label: string;
    /** Colours the districts: classes by the figure's values, money compared exactly. */
    classes: (districts: readonly DistrictFigure[]) => MapClasses<DistrictFigure, unknown>;
    /** A legend's labels come from the figure of the districts at both ends of a class. */
    text: (d: DistrictFigure) => string;
  }
> = {
  dichte: {
    label: 'Hilfedichte je 1.000 JEW',
    classes: (districts) =>
      classify(
        districts,
        (d) => d.densityPer1000,
        (a, b) => a - b,
      ),
    text: (d) => num(d.densityPer1000, { fixed: true }),
  },
  kosten: {
    label: 'Kosten je JEW',
    classes: (districts) => classify(districts, (d) => d.perJewTotal, compareMoney),
    text: (d) => formatMoney(d.perJewTotal, notAvailable),
  },
};

const columns: Column<DistrictFigure>[] = [
  { header: 'Stadtteil', cell: (d) => d.name, csv: (d) => d.name },
  { header: 'JEW', cell: (d) => num(d.jew), csv: (d) => formatNumberPlain(d.jew), numeric: true },
  {
    header: 'Aktive HzE',
    cell: (d) => num(d.activeHze),
    csv: (d) => formatNumberPlain(d.activeHze),
    numeric: true,
  },
  {
    header: 'Hilfedichte je 1.000 JEW',
    cell: (d) => num(d.densityPer1000, { fixed: true }),
    csv: (d) => formatNumberPlain(d.densityPer1000, { fixed: true }),
    numeric: true,
  },
  {
    header: 'Kosten (€)',
    cell: (d) => formatMoney(d.costs, notAvailable),
    csv: (d) => formatMoneyPlain(d.costs),
    numeric: true,
  },
  {
    header: 'Kosten je JEW (€)',
    cell: (d) => formatMoney(d.perJewTotal, notAvailable),
    csv: (d) => formatMoneyPlain(d.perJewTotal),
    numeric: true,
  },
];

const unavailable = (
  <Alert color="yellow" title="Karte nicht verfügbar">
    Die Karte kann in diesem Browser nicht angezeigt werden (WebGL fehlt oder ist abgeschaltet). Alle Werte
    stehen in der Tabelle.
  </Alert>
);

/** The Stadtteile on a map, coloured by density or costs per JEW of a year, with a legend and the same figures. */
export function MapTab({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const { year, mapFigure, set } = choices;
  const headingId = useId();
  const districts = useDistricts(year);
  const outlines = useOutlines();
  const [failed, setFailed] = useState(false);
  const figure = figures[mapFigure];

  const classes = useMemo(() => figure.classes(districts.data ?? []), [districts.data, figure]);
  const colours = useMemo(
    () =>
      Object.fromEntries(
        (districts.data ?? []).flatMap((d) => {
          const c = classes.classOf(d);
          return c ? [[d.code, c.colour]] : [];
        }),
      ),
    [districts.data, classes],
  );
  const missing = classes.missing;

  return (
    <Stack gap="lg">
      <Group align="flex-start" gap="md">
        <YearSelect
          label="Jahr"
          description="Stichtag 31.12."
          value={year}
          onChange={(v) => set({ jahr: v })}
        />
        <Select
          label="Kennzahl auf der Karte"
          description="färbt die Stadtteile"
          data={[
            { value: 'dichte', label: figures.dichte.label },
            { value: 'kosten', label: figures.kosten.label },
          ]}
          value={mapFigure}
          onChange={(v) => set({ karte: v === 'kosten' ? 'kosten' : undefined })}
          allowDeselect={false}
          w={260}
        />
      </Group>
      <section aria-labelledby={headingId}>
        <Stack gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {figure.label} nach Stadtteilen {year}
          </Title>
          {districts.isPending ? (
            <Loading />
          ) : districts.isError ? (
            <ErrorAlert error={districts.error} title="Werte der Stadtteile konnten nicht geladen werden" />
          ) : districts.data.length === 0 ? (
            <Text c="gray.8">Es sind keine Stadtteile angelegt.</Text>
          ) : (
            <Stack gap="lg">
              <Stack gap="sm">
                {outlines.isError ? (
                  <ErrorAlert
                    error={outlines.error}
                    title="Umrisse der Stadtteile konnten nicht geladen werden"
                  />
                ) : outlines.isPending ? (
                  <Loading />
                ) : outlines.data.features.length === 0 ? (
                  <Text c="gray.8">
                    Für die Stadtteile sind keine Umrisse hinterlegt; die Werte stehen in der Tabelle.
                  </Text>
                ) : failed ? (
                  unavailable
                ) : (
                  <Fallback fallback={unavailable}>
                    <Suspense
                      fallback={
                        <Center h={440}>
                          <Loader aria-label="Karte wird geladen" role="status" />
                        </Center>
                      }
                    >
                      <DistrictMap
                        outlines={outlines.data}
                        colours={colours}
                        onFail={() => setFailed(true)}
                        label={`Karte: ${figure.label} nach Stadtteilen ${year}, dunkler heißt höher. Die Werte stehen in der Tabelle.`}
                      />
                    </Suspense>
                  </Fallback>
                )}
                {!failed && (
                  <div>
                    <Text fw={600} size="sm" id={`${headingId}-legende`}>
                      Legende: {figure.label}
                    </Text>
                    <ul className="ctl-legend" aria-labelledby={`${headingId}-legende`}>
                      {classes.classes.map((c) => (
                        <li key={c.colour}>
                          <Box component="span" className="ctl-swatch" style={{ background: c.colour }} />
                          {c.min === c.max
                            ? figure.text(c.first)
                            : `${figure.text(c.first)} bis ${figure.text(c.last)}`}
                          <Text span c="gray.8" size="sm">
                            {' '}
                            ({c.count} {c.count === 1 ? 'Stadtteil' : 'Stadtteile'})
                          </Text>
                        </li>
                      ))}
                      {missing > 0 && (
                        <li>
                          <Box component="span" className="ctl-swatch" style={{ background: '#e9ecef' }} />
                          keine Werte ({missing} {missing === 1 ? 'Stadtteil' : 'Stadtteile'})
                        </li>
                      )}
                    </ul>
                  </div>
                )}
              </Stack>
              <FigureTable
                caption={`Kennzahlen der Stadtteile ${year}`}
                name="Stadtteile"
                columns={columns}
                rows={districts.data}
                rowKey={(d) => d.code}
                download={{ filename: `stadtteile-${year}.csv`, record: { table: 'stadtteile', year } }}
                maxHeight={560}
              />
            </Stack>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
