import { Alert, Box, Center, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { Fallback } from './Figure.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { money, moneyPlain, num, numPlain, toNumber } from './format.ts';
import { classify } from './mapClasses.ts';
import { type DistrictFigure, useDistricts, useOutlines } from './queries.ts';
import type { MapFigure } from './search.ts';
import type { useChoices } from './useChoices.ts';

const DistrictMap = lazy(() => import('./DistrictMap.tsx'));

const figures: Record<
  MapFigure,
  {
    label: string;
    /** For colouring only; a legend's labels come from `text`, money from its exact string. */
    value: (d: DistrictFigure) => number | null;
    text: (d: DistrictFigure) => string;
  }
> = {
  dichte: {
    label: 'Hilfedichte je 1.000 JEW',
    value: (d) => d.densityPer1000,
    text: (d) => num(d.densityPer1000, { fixed: true }),
  },
  kosten: {
    label: 'Kosten je JEW',
    value: (d) => toNumber(d.perJewTotal),
    text: (d) => money(d.perJewTotal),
  },
};

const columns: Column<DistrictFigure>[] = [
  { header: 'Stadtteil', cell: (d) => d.name, csv: (d) => d.name },
  { header: 'JEW', cell: (d) => num(d.jew), csv: (d) => numPlain(d.jew), numeric: true },
  { header: 'Aktive HzE', cell: (d) => num(d.activeHze), csv: (d) => numPlain(d.activeHze), numeric: true },
  {
    header: 'Hilfedichte je 1.000 JEW',
    cell: (d) => num(d.densityPer1000, { fixed: true }),
    csv: (d) => numPlain(d.densityPer1000, { fixed: true }),
    numeric: true,
  },
  { header: 'Kosten (€)', cell: (d) => money(d.costs), csv: (d) => moneyPlain(d.costs), numeric: true },
  {
    header: 'Kosten je JEW (€)',
    cell: (d) => money(d.perJewTotal),
    csv: (d) => moneyPlain(d.perJewTotal),
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

  const classes = useMemo(() => classify(districts.data ?? [], figure.value), [districts.data, figure]);
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
  const missing = (districts.data ?? []).filter((d) => figure.value(d) === null).length;

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
