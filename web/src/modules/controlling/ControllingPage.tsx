import { Stack, Tabs, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useCan } from '../../app/auth.ts';
import { Page } from '../../app/Page.tsx';
import { Loading } from '../../app/QueryState.tsx';
import './controlling.css';
import { ComparisonTab } from './ComparisonTab.tsx';
import { ImportTab } from './ImportTab.tsx';
import { MapTab } from './MapTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PopulationImportTab } from './PopulationImportTab.tsx';
import { RentabilitaetTab } from './RentabilitaetTab.tsx';
import { StaffingTab } from './StaffingTab.tsx';
import type { ControllingView } from './search.ts';
import { useChoices } from './useChoices.ts';

type Choices = ReturnType<typeof useChoices>;

const tabs: {
  value: ControllingView;
  label: string;
  Panel: ComponentType<{ choices: Choices }>;
  importOnly?: boolean;
}[] = [
  { value: 'uebersicht', label: 'Übersicht', Panel: OverviewTab },
  { value: 'karte', label: 'Karte der Stadtteile', Panel: MapTab },
  { value: 'staedtevergleich', label: 'Städtevergleich (IKO)', Panel: ComparisonTab },
  { value: 'rentabilitaet', label: 'Rentabilität', Panel: RentabilitaetTab },
  { value: 'personal', label: 'Personal', Panel: StaffingTab },
  { value: 'import', label: 'Daten importieren', Panel: ImportTab, importOnly: true },
  {
    value: 'jugendeinwohner',
    label: 'Jugendeinwohner importieren',
    Panel: PopulationImportTab,
    importOnly: true,
  },
];

/** "Steuerung": key figures, time series, the district map and the city comparison, as pictures and tables. */
export function ControllingPage() {
  const canImport = useCan('controlling:import');
  const choices = useChoices();
  const visible = tabs.filter((t) => !t.importOnly || canImport);
  const active = visible.find((t) => t.value === choices.view) ?? visible[0];

  return (
    <Page title="Steuerung">
      <Text maw={760}>
        Kennzahlen und Zeitreihen der Hilfen zur Erziehung für Stadt, Sozialzentren, Teams und Stadtteile.
        Jedes Diagramm hat eine Tabelle mit denselben Werten, die Sie als CSV herunterladen können.
      </Text>
      <Tabs
        value={active?.value ?? null}
        onChange={(value) => {
          const tab = visible.find((t) => t.value === value);
          if (tab) choices.set({ ansicht: tab.value === 'uebersicht' ? undefined : tab.value });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Bereiche der Steuerung">
          {visible.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {visible.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="lg">
            <Stack gap="md">{choices.ready ? <t.Panel choices={choices} /> : <Loading />}</Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
