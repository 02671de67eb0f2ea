import { Stack, Tabs, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useCan } from '../../app/auth.ts';
import { Page } from '../../app/Page.tsx';
import type { OrganisationTab } from '../../app/router.tsx';
import { SsoSettingsPanel } from '../sso/SsoSettingsPanel.tsx';
import { DistrictsTab, SocialCentresTab } from './CodedTab.tsx';
import { LookupTab } from './LookupTab.tsx';
import { StaffTab } from './StaffTab.tsx';
import { StreetsTab } from './StreetsTab.tsx';
import { TeamsTab } from './TeamsTab.tsx';

interface TabDef {
  value: OrganisationTab;
  label: string;
  Panel: ComponentType;
  staffOnly?: boolean;
  /** Only for admins (permission sso:manage). */
  ssoOnly?: boolean;
}

const tabs: TabDef[] = [
  { value: 'sozialzentren', label: 'Sozialzentren', Panel: SocialCentresTab },
  { value: 'stadtteile', label: 'Stadtteile', Panel: DistrictsTab },
  { value: 'teams', label: 'Teams', Panel: TeamsTab },
  { value: 'strassen', label: 'Straßen und Zuständigkeit', Panel: StreetsTab },
  { value: 'mitarbeitende', label: 'Mitarbeitende', Panel: StaffTab, staffOnly: true },
  { value: 'pruefen', label: 'Zuständigkeit prüfen', Panel: LookupTab },
  { value: 'anmeldung', label: 'Anmeldung (Single Sign-On)', Panel: SsoSettingsPanel, ssoOnly: true },
];

export function OrganisationPage() {
  const manage = useCan('organisation:manage');
  const staffRead = useCan('staff:read');
  const ssoManage = useCan('sso:manage');
  const search = useSearch({ from: '/app/organisation' });
  const navigate = useNavigate({ from: '/organisation' });
  const visible = tabs.filter((t) => (!t.staffOnly || staffRead) && (!t.ssoOnly || ssoManage));
  const active = visible.find((t) => t.value === search.tab) ?? visible[0];

  return (
    <Page title="Organisation">
      <Text>
        {manage
          ? 'Sozialzentren, Stadtteile, Teams, Straßen und Mitarbeitende des Jugendamts pflegen.'
          : 'Aufbau des Jugendamts: Sozialzentren, Stadtteile, Teams und die Zuständigkeit nach Adresse.'}
      </Text>
      <Tabs
        value={active?.value ?? null}
        onChange={(value) => {
          const tab = visible.find((t) => t.value === value);
          if (tab) void navigate({ search: { tab: tab.value }, replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Bereiche der Organisation">
          {visible.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {visible.map((t) => (
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
