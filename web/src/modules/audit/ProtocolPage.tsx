import { auditActionLabel, auditEntityLabel, formatNumber } from '@leuchtturm/shared';
import { Alert, Button, Group, List, Table, Text } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { LoadMore } from '../../app/components/LoadMore.tsx';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, QueryState } from '../../app/QueryState.tsx';
import { useAuditEntries, useVerifyChain } from './queries.ts';

export function ProtocolPage() {
  const entries = useAuditEntries();
  const verify = useVerifyChain();

  return (
    <Page title="Protokoll">
      <Text>
        Jeder Zugriff und jede Änderung wird protokolliert. Die Einträge sind zu einer Kette verknüpft; die
        Prüfung zeigt, ob nachträglich etwas verändert oder entfernt wurde.
      </Text>
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          Kette prüfen
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isError && <ErrorAlert error={verify.error} title="Prüfung fehlgeschlagen" />}
        {verify.data?.ok && (
          <Alert color="green" title="Kette unversehrt">
            Alle {formatNumber(verify.data.entries)} Einträge sind unverändert.
          </Alert>
        )}
        {verify.data && !verify.data.ok && (
          <Alert color="red" title="Kette beschädigt">
            <Text>
              {verify.data.broken.length} von {formatNumber(verify.data.entries)} Einträgen sind beschädigt:
            </Text>
            <List>
              {verify.data.broken.map((b) => (
                <List.Item key={b.seq}>
                  Eintrag {b.seq}: {b.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </div>
      <QueryState query={entries} empty="Das Protokoll ist leer.">
        {(items) => (
          <>
            <DataTable
              caption="Protokolleinträge, die neuesten zuerst"
              headers={['Nr.', 'Zeitpunkt', 'Person', 'Aktion', 'Gegenstand', 'Kennung']}
            >
              {items.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>{formatDateTimeDe(entry.at, { seconds: true })}</Table.Td>
                  <Table.Td>{entry.actorName ?? (entry.actorId ? 'Unbekannt' : 'System')}</Table.Td>
                  <Table.Td>{auditActionLabel(entry.action)}</Table.Td>
                  <Table.Td>{auditEntityLabel(entry.entityType)}</Table.Td>
                  <Table.Td>
                    <Text component="span" ff="monospace" size="sm">
                      {entry.entityId ?? '–'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <LoadMore query={entries} count={items.length} noun={['Eintrag', 'Einträge']} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
