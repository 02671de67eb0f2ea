import {
  formatDateDe,
  knowledgeKinds,
  specialisationLabels,
  TRAINING_MODULES,
  trainingModules,
} from '@leuchtturm/shared';
import { Anchor, Button, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading, QueryState } from '../../app/QueryState.tsx';
import { useExpertise, useKnowledge, useTraining } from './queries.ts';
import { ExpertiseForm, KnowledgeForm, TrainingForm } from './TeamForms.tsx';

/** The team: who is the expert for what, the training overview (modules 1-9), the knowledge base. */
export function TeamPage() {
  return (
    <Page title="Team und Wissen">
      <Tabs defaultValue="wissen" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="wissen">Wissensbasis</Tabs.Tab>
          <Tabs.Tab value="fachgebiete">Fachgebiete</Tabs.Tab>
          <Tabs.Tab value="qualifizierung">Qualifizierung</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="wissen" pt="md">
          <KnowledgeList />
        </Tabs.Panel>
        <Tabs.Panel value="fachgebiete" pt="md">
          <ExpertiseDirectory />
        </Tabs.Panel>
        <Tabs.Panel value="qualifizierung" pt="md">
          <TrainingTable />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function ExpertiseDirectory() {
  const expertise = useExpertise();
  const training = useTraining();
  const [editing, setEditing] = useState(false);
  const mayManage = training.data?.mayManage ?? false;
  return (
    <Stack>
      <Text>Wer im Jugendamt ist Ansprechperson für ein Thema?</Text>
      {mayManage && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            Fachgebiete pflegen
          </Button>
        </Group>
      )}
      <QueryState query={expertise} empty="Noch keine Fachgebiete eingetragen.">
        {(entries) => (
          <DataTable caption="Fachgebiete" headers={['Thema', 'Ansprechpersonen']}>
            {entries.map((e) => (
              <Table.Tr key={e.topic}>
                <Table.Td>{specialisationLabels[e.topic]}</Table.Td>
                <Table.Td>
                  {e.people.length === 0
                    ? '–'
                    : e.people.map((p) => `${p.name}${p.team ? ` (${p.team})` : ''}`).join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {editing && training.data && (
        <ExpertiseForm people={training.data.people} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}

const cellText = (cell: { status: string; doneOn: string | null; plannedYear: number | null }) =>
  cell.status === 'done'
    ? `✓ ${formatDateDe(cell.doneOn)}`
    : cell.status === 'planned'
      ? `geplant ${cell.plannedYear}`
      : 'offen';

function TrainingTable() {
  const training = useTraining();
  const [editing, setEditing] = useState(false);
  if (training.isPending) return <Loading />;
  if (training.isError) return <ErrorAlert error={training.error} title="Qualifizierung nicht geladen" />;
  const overview = training.data;
  return (
    <Stack>
      <Text>
        Module 1-9 der Qualifizierung je Person im {overview.team.name}: abgeschlossen, geplant (Jahr) oder
        offen.
      </Text>
      <Text size="sm" c="gray.8">
        {TRAINING_MODULES.map((m) => `${m}. ${trainingModules[m]}`).join(' · ')}
      </Text>
      {overview.mayManage && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            Qualifizierung eintragen
          </Button>
        </Group>
      )}
      <DataTable
        caption={`Qualifizierung ${overview.team.name}`}
        headers={['Person', ...TRAINING_MODULES.map((m) => `Modul ${m}`)]}
        minWidth={1100}
      >
        {overview.people.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.name}</Table.Td>
            {p.modules.map((cell) => (
              <Table.Td key={cell.module}>{cellText(cell)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">Team</Table.Th>
          {overview.totals.map((t) => (
            <Table.Td key={t.module}>
              {t.done} abgeschl., {t.planned} gepl., {t.open} offen
            </Table.Td>
          ))}
        </Table.Tr>
      </DataTable>
      {editing && <TrainingForm people={overview.people} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function KnowledgeList() {
  const [q, setQ] = useState('');
  const pages = useKnowledge(q);
  const mayWrite = useCan('team:manage');
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Title order={2} size="h3">
        Arbeitshilfen und Qualitätshandbuch
      </Title>
      <Group align="flex-end">
        <TextInput label="Suchen" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
        {mayWrite && <Button onClick={() => setCreating(true)}>Neue Seite</Button>}
      </Group>
      <div aria-busy={pages.isFetching} aria-live="polite">
        <QueryState query={pages} empty="Keine Seite gefunden.">
          {(items) => (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0 }}>
              {items.map((p) => (
                <li key={p.id}>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/team/wissen/$pageId" params={{ pageId: p.id }} {...props} />
                    )}
                  >
                    {p.title}
                  </Anchor>{' '}
                  <Text span size="sm" c="gray.8">
                    ({knowledgeKinds.labels[p.kind]})
                  </Text>
                  <Text size="sm">{p.excerpt}</Text>
                </li>
              ))}
            </Stack>
          )}
        </QueryState>
      </div>
      {creating && <KnowledgeForm page={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
