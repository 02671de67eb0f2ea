import { type CaseloadRow, formatNumber } from '@leuchtturm/shared';
import { Card, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { AbsenceList } from '../organisation/AbsenceSection.tsx';
import { useMyWorklist, useTeamWorklist } from './queries.ts';
import { WorklistSections } from './WorklistItems.tsx';

/**
 * The start page of case workers: what is due (Wiedervorlage). A team lead switches between her own list and the
 * team's, filters the team's by case manager and sees each one's caseload.
 */
export function Worklist() {
  const user = useUser();
  const teamLead = user.roles.includes('team_lead') && user.team !== null;
  const [view, setView] = useState<'mine' | 'team'>(teamLead ? 'team' : 'mine');
  const [leadUserId, setLeadUserId] = useState<string | null>(null);
  const showTeam = teamLead && view === 'team';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="arbeitsvorrat">
      <Stack gap="md">
        <Title order={2} size="h3" id="arbeitsvorrat">
          Arbeitsvorrat
        </Title>
        <Text c="gray.8" maw={720}>
          Was in Ihren Fällen fällig ist: Kinderschutzfristen, Prozessschritte, Überprüfungen von Hilfeplänen,
          Aufträgen und Auflagen sowie das geplante Ende von Hilfen.
        </Text>
        {teamLead && (
          <div>
            <Text component="div" id="arbeitsvorrat-ansicht" fw={500} size="sm" mb={4}>
              Ansicht
            </Text>
            <SegmentedControl
              aria-labelledby="arbeitsvorrat-ansicht"
              data={[
                { value: 'mine', label: 'Mein Arbeitsvorrat' },
                { value: 'team', label: 'Team' },
              ]}
              value={view}
              onChange={(value) => setView(value === 'team' ? 'team' : 'mine')}
            />
          </div>
        )}
        {showTeam ? <TeamWorklist leadUserId={leadUserId} onLead={setLeadUserId} /> : <MyWorklist />}
      </Stack>
    </Card>
  );
}

function MyWorklist() {
  const list = useMyWorklist();
  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorAlert error={list.error} title="Arbeitsvorrat konnte nicht geladen werden" />;
  return <WorklistSections list={list.data} showLead={false} />;
}

const ALL = 'alle';

function TeamWorklist({
  leadUserId,
  onLead,
}: {
  leadUserId: string | null;
  onLead: (id: string | null) => void;
}) {
  const list = useTeamWorklist(leadUserId);
  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorAlert error={list.error} title="Arbeitsvorrat konnte nicht geladen werden" />;
  const team = list.data;
  const people = team.caseload.filter((r) => r.user !== null);
  return (
    <Stack gap="lg" aria-busy={list.isFetching}>
      <Group align="flex-end">
        <Select
          label="Fallführung"
          description={`Fälle von ${team.team.name}`}
          data={[
            { value: ALL, label: 'Alle Fachkräfte' },
            ...people.map((r) => ({ value: r.user?.id ?? '', label: r.user?.name ?? '' })),
          ]}
          value={leadUserId ?? ALL}
          onChange={(value) => onLead(value && value !== ALL ? value : null)}
          allowDeselect={false}
          w={280}
        />
      </Group>
      <WorklistSections list={team} showLead />
      <Caseload rows={team.caseload} teamName={team.team.name} />
      <AbsenceList title="Vertretungen im Team" />
    </Stack>
  );
}

function Caseload({ rows, teamName }: { rows: CaseloadRow[]; teamName: string }) {
  return (
    <section aria-labelledby="fallbelastung">
      <Title order={3} size="h4" id="fallbelastung" mb="xs">
        Fallbelastung
      </Title>
      {rows.length === 0 ? (
        <Text c="gray.8">Im Team gibt es keine Fachkräfte und keine offenen Fälle.</Text>
      ) : (
        <DataTable
          caption={`Offene Fälle je Fachkraft in ${teamName}`}
          headers={[
            'Fachkraft',
            'Offene Fälle',
            'Leistungsbereich',
            'Graubereich',
            'Gefährdungsbereich',
            'nicht eingeordnet',
            'Überfällig',
            'davon Kinderschutz',
          ]}
          minWidth={860}
        >
          {rows.map((r) => (
            <Table.Tr key={r.user?.id ?? 'ohne'}>
              <Table.Td>{r.user?.name ?? 'Ohne Fallführung'}</Table.Td>
              <Table.Td>{formatNumber(r.openCases)}</Table.Td>
              <Table.Td>{formatNumber(r.byArea.leistung)}</Table.Td>
              <Table.Td>{formatNumber(r.byArea.grau)}</Table.Td>
              <Table.Td>{formatNumber(r.byArea.gefaehrdung)}</Table.Td>
              <Table.Td>{formatNumber(r.byArea.ohne)}</Table.Td>
              <Table.Td>{formatNumber(r.overdue)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={r.childProtectionOverdue > 0 ? 700 : 400} component="span">
                  {formatNumber(r.childProtectionOverdue)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
