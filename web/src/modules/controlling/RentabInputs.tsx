import {
  formatMoney,
  formatMoneyPlain,
  type RentabCategory,
  rentabCategories,
  rentabCategoryLabels,
} from '@leuchtturm/shared';
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { CostPlanForm, ExtraCostForm } from './SteeringForms.tsx';
import { useCostPlan, useExtraCosts, useSaveSettings, useSettings } from './steeringQueries.ts';

type Extra = { region: string; year: number; staff: string; training: string; other: string };
type Plan = { region: string; year: number; cost: string };
const euro = <T,>(header: string, pick: (r: T) => string): Column<T> => ({
  header,
  cell: (r) => formatMoney(pick(r)),
  csv: (r) => formatMoneyPlain(pick(r)),
  numeric: true,
});
const extraColumns: Column<Extra>[] = [
  { header: 'Jahr', cell: (r) => r.year, csv: (r) => String(r.year) },
  euro('Personal (€)', (r) => r.staff),
  euro('Qualifizierung (€)', (r) => r.training),
  euro('Sonstige (€)', (r) => r.other),
];
const planColumns: Column<Plan>[] = [
  { header: 'Jahr', cell: (r) => r.year, csv: (r) => String(r.year) },
  euro('Geplante Kosten (€)', (r) => r.cost),
];

/** Which cost categories count (a setting of the office), as checkboxes; only holders of controlling:steer save. */
function CategorySetting({ canSteer }: { canSteer: boolean }) {
  const settings = useSettings();
  const save = useSaveSettings();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (settings.data) setChosen(settings.data.rentabCategories);
  }, [settings.data]);
  if (settings.isPending) return <Loading />;
  if (settings.isError)
    return <ErrorAlert error={settings.error} title="Einstellung konnte nicht geladen werden" />;
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label="Kostenarten der Rentabilitätsbetrachtung"
        description="Wie im ESPQ-Bericht: die Ausgaben für die Hilfen zur Erziehung, ohne Inobhutnahme und § 19 (Voreinstellung)."
        value={chosen}
        onChange={setChosen}
        readOnly={!canSteer}
      >
        <Group mt="xs">
          {rentabCategories.map((c) => (
            <Checkbox key={c} value={c} label={rentabCategoryLabels[c]} disabled={!canSteer} />
          ))}
        </Group>
      </Checkbox.Group>
      {save.isError && <ErrorAlert error={save.error} title="Einstellung nicht gespeichert" />}
      {canSteer && (
        <Group>
          <Button
            variant="default"
            loading={save.isPending}
            onClick={() => save.mutate({ rentabCategories: chosen as RentabCategory[] })}
          >
            Kostenarten speichern
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The inputs behind the series: the cost categories, the site's extra costs and the planned cost paths. */
export function RentabInputs({
  site,
  reference,
  year,
  canSteer,
}: {
  site: string;
  reference: string;
  year: number;
  canSteer: boolean;
}) {
  const id = useId();
  const extra = useExtraCosts(site);
  const sitePlan = useCostPlan(site);
  const refPlan = useCostPlan(reference);
  const [open, setOpen] = useState<null | 'extra' | 'plan-site' | 'plan-ref'>(null);
  return (
    <section aria-labelledby={id} className="ctl-section">
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          Eingaben
        </Title>
        <CategorySetting canSteer={canSteer} />
        <Group justify="space-between">
          <Text fw={600}>Mehrkosten des Projekts in {site}</Text>
          {canSteer && (
            <Button variant="default" onClick={() => setOpen('extra')}>
              Mehrkosten erfassen
            </Button>
          )}
        </Group>
        {extra.isError ? (
          <ErrorAlert error={extra.error} title="Mehrkosten konnten nicht geladen werden" />
        ) : extra.data && extra.data.length === 0 ? (
          <Text c="gray.8">
            Noch keine Mehrkosten erfasst; importierte Mehrkosten (extra_costs) zählen als „Sonstige“.
          </Text>
        ) : (
          <FigureTable
            caption={`Mehrkosten je Jahr, ${site}`}
            name="Mehrkosten"
            columns={extraColumns}
            rows={extra.data ?? []}
            rowKey={(r) => r.year}
          />
        )}
        {[
          { key: 'plan-site' as const, region: site, data: sitePlan },
          { key: 'plan-ref' as const, region: reference, data: refPlan },
        ].map((p) => (
          <Stack key={p.key} gap="xs">
            <Group justify="space-between">
              <Text fw={600}>Geplanter Kostenpfad {p.region}</Text>
              {canSteer && (
                <Button variant="default" onClick={() => setOpen(p.key)}>
                  Geplante Kosten erfassen ({p.region})
                </Button>
              )}
            </Group>
            {p.data.isError ? (
              <ErrorAlert error={p.data.error} title="Geplante Kosten konnten nicht geladen werden" />
            ) : p.data.data && p.data.data.length === 0 ? (
              <Text c="gray.8">
                Keine geplanten Kosten.{' '}
                {p.key === 'plan-site'
                  ? 'Ohne sie gibt es keine Prognosezeile.'
                  : 'Ohne sie wird die letzte Entwicklung fortgeschrieben.'}
              </Text>
            ) : (
              <FigureTable
                caption={`Geplante Kosten ${p.region}`}
                name="Geplante Kosten"
                columns={planColumns}
                rows={p.data.data ?? []}
                rowKey={(r) => r.year}
              />
            )}
          </Stack>
        ))}
      </Stack>
      {open === 'extra' && <ExtraCostForm region={site} year={year} onClose={() => setOpen(null)} />}
      {open === 'plan-site' && <CostPlanForm region={site} year={year + 1} onClose={() => setOpen(null)} />}
      {open === 'plan-ref' && (
        <CostPlanForm region={reference} year={year + 1} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
