import { formatMoney, type SteeringFigure, type TrafficLight, trafficLightLabels } from '@leuchtturm/shared';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { num } from './format.ts';
import { TargetForm } from './SteeringForms.tsx';
import { useDeleteTarget, useSteering } from './steeringQueries.ts';

const lightColours: Record<TrafficLight, string> = { gruen: 'green', gelb: 'yellow', rot: 'red' };

/** The traffic light in words and colour (never colour alone). */
export function Light({ figure }: { figure: SteeringFigure }) {
  if (!figure.light) return <>{figure.lightLabel ?? '–'}</>;
  return (
    <Badge color={lightColours[figure.light]} variant="light" tt="none" radius="sm" className="ctl-badge">
      {trafficLightLabels[figure.light]}
    </Badge>
  );
}

const value = (v: number | null, unit: string) =>
  v === null ? num(null) : unit === '€' ? formatMoney(v.toFixed(2)) : `${num(v)}${unit ? ` ${unit}` : ''}`;
const plain = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

const columns: Column<SteeringFigure>[] = [
  { header: 'Kennzahl', cell: (f) => f.label, csv: (f) => f.label },
  { header: 'Wert', cell: (f) => value(f.value, f.unit), csv: (f) => plain(f.value), numeric: true },
  {
    header: 'Basisjahr',
    cell: (f) => value(f.baselineValue, f.unit),
    csv: (f) => plain(f.baselineValue),
    numeric: true,
  },
  {
    header: 'Veränderung',
    cell: (f) => (f.growthPct === null ? num(null) : `${f.growthPct > 0 ? '+' : ''}${num(f.growthPct)} %`),
    csv: (f) => plain(f.growthPct),
    numeric: true,
  },
  {
    header: 'Ziel',
    cell: (f) => (f.target === null ? '–' : value(f.target, f.unit)),
    csv: (f) => plain(f.target),
    numeric: true,
  },
  { header: 'Bewertung', cell: (f) => <Light figure={f} />, csv: (f) => f.lightLabel ?? '' },
];

/** Targets with traffic lights and the growth of every figure against a baseline year, on the dashboard. */
export function TargetsSection({ region, year }: { region: string; year: number }) {
  const id = useId();
  const canSteer = useCan('controlling:steer');
  const [baseline, setBaseline] = useState<number>(year - 1);
  const steering = useSteering(region, year, baseline < year ? baseline : null);
  const remove = useDeleteTarget();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<SteeringFigure | null>(null);
  const data = steering.data;
  const withTargets = data?.figures.filter((f) => f.target !== null) ?? [];
  return (
    <section aria-labelledby={id} className="ctl-section">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          Ziele und Veränderung {year}
        </Title>
        <Group align="flex-end">
          <YearSelect
            label="Basisjahr"
            description="Veränderung gegenüber"
            value={baseline}
            onChange={setBaseline}
            error={baseline >= year ? 'Das Basisjahr muss vor dem Stichtagsjahr liegen.' : undefined}
          />
          {canSteer && (
            <Button variant="default" onClick={() => setAdding(true)}>
              Zielwert setzen
            </Button>
          )}
        </Group>
        {steering.isPending ? (
          <Loading />
        ) : steering.isError ? (
          <ErrorAlert error={steering.error} title="Ziele konnten nicht geladen werden" />
        ) : data ? (
          <>
            {withTargets.length === 0 ? (
              <Text c="gray.8">
                Für {data.region.name} sind für {year} keine Zielwerte gesetzt.
              </Text>
            ) : (
              <Text>
                Ampel: „Ziel erreicht“ (grün), „knapp verfehlt“ (gelb, innerhalb der Toleranz), „verfehlt“
                (rot).
              </Text>
            )}
            <FigureTable
              caption={`Kennzahlen ${data.region.name} ${year} mit Veränderung und Zielwert`}
              name="Ziele"
              columns={columns}
              rows={data.figures}
              rowKey={(f) => f.key}
              download={{
                filename: `ziele-${data.region.key}-${year}.csv`,
                record: { table: 'ziele', region: data.region.key, year },
              }}
            />
            {canSteer && withTargets.length > 0 && (
              <Group gap="xs">
                {withTargets.map((f) => (
                  <Button key={f.key} variant="default" color="red.9" onClick={() => setDeleting(f)}>
                    Zielwert „{f.label}“ löschen
                  </Button>
                ))}
              </Group>
            )}
            <ConfirmDelete
              opened={deleting !== null}
              what={`Der Zielwert „${deleting?.label ?? ''}“ für ${data.region.name} ${year}`}
              onClose={() => setDeleting(null)}
              onConfirm={() =>
                deleting &&
                remove.mutate(
                  { figure: deleting.key, region: data.region.key, year },
                  { onSuccess: () => setDeleting(null) },
                )
              }
              deleting={remove.isPending}
              error={remove.error}
            />
          </>
        ) : null}
      </Stack>
      {adding && <TargetForm region={region} year={year} onClose={() => setAdding(false)} />}
    </section>
  );
}
