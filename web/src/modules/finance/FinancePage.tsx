import { Stack, Tabs, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { Page } from '../../app/Page.tsx';
import { CostsTab } from './CostsTab.tsx';
import { PaymentsTab } from './PaymentsTab.tsx';
import { ProvidersTab } from './ProvidersTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { StatisticsTab } from './StatisticsTab.tsx';
import type { FinanceTab } from './search.ts';

const tabs: { value: FinanceTab; label: string; Panel: ComponentType }[] = [
  { value: 'monatskosten', label: 'Monatskosten', Panel: CostsTab },
  { value: 'zahlungen', label: 'Zahlungen importieren', Panel: PaymentsTab },
  { value: 'traeger', label: 'Träger und Sätze', Panel: ProvidersTab },
  { value: 'statistik', label: 'Statistik', Panel: StatisticsTab },
  { value: 'einstellungen', label: 'Einstellungen', Panel: SettingsTab },
];

/** Wirtschaftliche Jugendhilfe: costs by month, payments, providers and rates, statistics, the approval limit. */
export function FinancePage() {
  const search = useSearch({ from: '/app/finanzen' });
  const navigate = useNavigate({ from: '/finanzen' });
  const active = tabs.find((t) => t.value === search.tab) ?? tabs[0];

  return (
    <Page title="Wirtschaftliche Jugendhilfe">
      <Text maw={720}>
        Kosten der Hilfen je Monat, Zahlungen, Träger mit ihren Leistungsangeboten und Sätzen, die Statistik
        der erzieherischen Hilfen und die Betragsgrenze für die Bewilligung.
      </Text>
      <Tabs
        value={active?.value ?? null}
        onChange={(value) => {
          const tab = tabs.find((t) => t.value === value);
          if (tab) void navigate({ search: (prev) => ({ ...prev, tab: tab.value }), replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Bereiche der Wirtschaftlichen Jugendhilfe">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="lg">
            <Stack gap="md">
              <t.Panel />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
