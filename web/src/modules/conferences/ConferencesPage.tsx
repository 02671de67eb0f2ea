import { formatDateDe } from '@leuchtturm/shared';
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan, useUser } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { NewConferenceForm } from './ConferenceForms.tsx';
import { useConferences, useTopicSearch } from './queries.ts';

/** The Wochenkonferenzen of one's own team, newest first, and the search in its Tipps und Themen. */
export function ConferencesPage() {
  const user = useUser();
  const mayManage = useCan('conference:manage');
  const conferences = useConferences();
  const [creating, setCreating] = useState(false);
  if (!user.team)
    return (
      <Page title="Wochenkonferenz">
        <Text>Die Wochenkonferenz gehört zu einem Team; Sie sind keinem Team zugeordnet.</Text>
      </Page>
    );
  return (
    <Page title={`Wochenkonferenz – ${user.team.name}`}>
      <Text maw={720}>
        Tagesordnung und Protokoll je Woche: Fallberatungen, Kurzberatungen zur Risikoeinschätzung, Tipps und
        Themen, Bedarfsrunde und die Tipps aus abgeschlossenen Fällen.
      </Text>
      {mayManage && (
        <Group>
          <Button onClick={() => setCreating(true)}>Wochenkonferenz anlegen</Button>
        </Group>
      )}
      <QueryState query={conferences} empty="Noch keine Wochenkonferenz.">
        {(items) => (
          <DataTable caption="Wochenkonferenzen des Teams" headers={['Datum', 'Punkte', 'Anwesend']}>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/konferenzen/$conferenceId" params={{ conferenceId: c.id }} {...props} />
                    )}
                  >
                    Wochenkonferenz am {formatDateDe(c.heldOn)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.items}</Table.Td>
                <Table.Td>{c.attendees}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      <TopicSearch />
      {creating && <NewConferenceForm teamId={user.team.id} onClose={() => setCreating(false)} />}
    </Page>
  );
}

function TopicSearch() {
  const [q, setQ] = useState('');
  const hits = useTopicSearch(q);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Tipps und Themen durchsuchen
      </Title>
      <TextInput
        label="Suchbegriff"
        description="Mindestens zwei Zeichen"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={400}
      />
      {q.trim().length >= 2 && (
        <div aria-live="polite">
          <QueryState query={hits} empty="Nichts gefunden.">
            {(items) => (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
                {items.map((h) => (
                  <li key={`${h.conferenceId}-${h.title}`}>
                    <Anchor
                      renderRoot={(props) => (
                        <Link
                          to="/konferenzen/$conferenceId"
                          params={{ conferenceId: h.conferenceId }}
                          {...props}
                        />
                      )}
                    >
                      {h.title}
                    </Anchor>{' '}
                    <Text span size="sm" c="gray.8">
                      ({formatDateDe(h.heldOn)})
                    </Text>
                    {h.body && <Text size="sm">{h.body}</Text>}
                  </li>
                ))}
              </Stack>
            )}
          </QueryState>
        </div>
      )}
    </Stack>
  );
}
