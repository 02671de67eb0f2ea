import './sections/case.css';
import { type CaseDetail, caseAreas, formatDateDe } from '@leuchtturm/shared';
import { Alert, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { ApiError } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { NotesSection } from '../caseNotes/NotesSection.tsx';
import { ChildProtectionSection } from '../childProtection/ChildProtectionSection.tsx';
import { useCase } from './caseQueries.ts';
import { HandoversSection } from './handovers/HandoversSection.tsx';
import { AccessSection, seesAccess } from './sections/AccessSection.tsx';
import { ClassificationSection } from './sections/ClassificationSection.tsx';
import { ClosingSection } from './sections/ClosingSection.tsx';
import { ConsentsSection } from './sections/ConsentsSection.tsx';
import type { CaseSection } from './sections/caseSearch.ts';
import { DocumentsSection } from './sections/DocumentsSection.tsx';
import { FamilyConferenceSection } from './sections/FamilyConferenceSection.tsx';
import { HelpPlanSection } from './sections/HelpPlanSection.tsx';
import { MeasuresSection } from './sections/MeasuresSection.tsx';
import { NetworkSection } from './sections/NetworkSection.tsx';
import { OverviewSection } from './sections/OverviewSection.tsx';
import { PeerConsultationSection } from './sections/PeerConsultationSection.tsx';
import { ProcessesSection } from './sections/ProcessesSection.tsx';
import { ResourcesSection } from './sections/ResourcesSection.tsx';
import type { SectionProps } from './sections/ui.tsx';
import { InfoList } from './sections/ui.tsx';
import { WillAndGoalsSection } from './sections/WillAndGoalsSection.tsx';

const sections: {
  value: CaseSection;
  label: string;
  Panel: ComponentType<SectionProps>;
  /** Shown only when this holds (default: always). */
  when?: (detail: CaseDetail) => boolean;
}[] = [
  { value: 'ueberblick', label: 'Überblick', Panel: OverviewSection },
  { value: 'vermerke', label: 'Vermerke', Panel: NotesSection },
  { value: 'prozesse', label: 'Prozesse', Panel: ProcessesSection },
  { value: 'einordnung', label: 'Einordnung', Panel: ClassificationSection },
  { value: 'kinderschutz', label: 'Kinderschutz (§ 8a)', Panel: ChildProtectionSection },
  { value: 'wille-und-ziele', label: 'Wille und Ziele', Panel: WillAndGoalsSection },
  { value: 'ressourcen', label: 'Ressourcen', Panel: ResourcesSection },
  { value: 'netzwerkkarte', label: 'Netzwerkkarte', Panel: NetworkSection },
  { value: 'kollegiale-beratung', label: 'Kollegiale Beratung', Panel: PeerConsultationSection },
  { value: 'hilfeplan', label: 'Hilfeplan', Panel: HelpPlanSection },
  { value: 'hilfen', label: 'Hilfen', Panel: MeasuresSection },
  { value: 'familienrat', label: 'Familienrat', Panel: FamilyConferenceSection },
  { value: 'einwilligungen', label: 'Einwilligungen', Panel: ConsentsSection },
  { value: 'dokumente', label: 'Dokumente', Panel: DocumentsSection },
  { value: 'abschluss', label: 'Abschluss', Panel: ClosingSection },
  { value: 'uebergaben', label: 'Übergaben', Panel: HandoversSection },
  { value: 'zugriff', label: 'Fallführung und Zugriff', Panel: AccessSection, when: seesAccess },
];

const areaColours = { leistung: 'green', grau: 'orange', gefaehrdung: 'red' } as const;

/** The case file (Fallakte): header with the key facts, then one tab per part of the method. */
export function CasePage() {
  const { caseId } = useParams({ from: '/app/faelle/$caseId' });
  const query = useCase(caseId);
  const detail = query.data;

  if (!detail) {
    const forbidden = query.error instanceof ApiError && query.error.status === 403;
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Page title={forbidden ? 'Kein Zugriff auf den Fall' : missing ? 'Fall nicht gefunden' : 'Fall'}>
        {query.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert
            error={query.error}
            title={forbidden ? 'Kein Zugriff' : missing ? 'Nicht gefunden' : 'Laden fehlgeschlagen'}
          />
        )}
      </Page>
    );
  }
  return (
    <Page title={`Fall ${detail.caseNumber}`} heading={`${detail.household.name} · ${detail.caseNumber}`}>
      <CaseHeader detail={detail} />
      <CaseTabs detail={detail} />
    </Page>
  );
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const closed = detail.status === 'abgeschlossen';
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" variant="light" color={closed ? 'gray' : 'blue'}>
          Status: {closed ? 'abgeschlossen' : 'offen'}
        </Badge>
        <Badge size="lg" variant="light" color={detail.area ? areaColours[detail.area] : 'gray'}>
          Einordnung: {detail.area ? caseAreas.labels[detail.area] : 'noch nicht eingeordnet'}
        </Badge>
        {detail.overdue > 0 && (
          <Badge size="lg" variant="light" color="red">
            {detail.overdue} überfällig
          </Badge>
        )}
      </Group>
      <InfoList
        items={[
          ['Team', detail.team?.name ?? 'noch nicht zugeteilt (Zuteilung)'],
          ['Fallführung', detail.lead?.name ?? 'nicht zugeteilt'],
          ['Stadtteil', detail.district?.name ?? 'unbekannt'],
          ['Eingangsdatum', formatDateDe(detail.openedOn)],
          ...(closed ? ([['Abgeschlossen am', formatDateDe(detail.closedOn)]] as const) : []),
        ]}
      />
      {closed && (
        <Alert color="gray" title="Fall abgeschlossen" role="note">
          <Text size="sm">Die Fallakte kann nur noch gelesen werden.</Text>
        </Alert>
      )}
    </Stack>
  );
}

function CaseTabs({ detail }: { detail: CaseDetail }) {
  const search = useSearch({ from: '/app/faelle/$caseId' });
  const navigate = useNavigate({ from: '/faelle/$caseId' });
  const visible = sections.filter((s) => s.when?.(detail) ?? true);
  const active = visible.find((s) => s.value === search.bereich) ?? visible[0];
  const readOnly = detail.status === 'abgeschlossen';

  return (
    <Tabs
      value={active?.value ?? null}
      onChange={(value) => {
        const section = visible.find((s) => s.value === value);
        if (!section) return;
        void navigate({
          search: section.value === 'ueberblick' ? {} : { bereich: section.value },
          replace: true,
        });
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label="Bereiche des Falls">
        {visible.map((s) => (
          <Tabs.Tab key={s.value} value={s.value}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {visible.map((s) => (
        <Tabs.Panel key={s.value} value={s.value} pt="lg">
          <Stack gap="lg">
            <s.Panel detail={detail} readOnly={readOnly} />
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
