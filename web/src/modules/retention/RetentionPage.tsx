import { type CaseRetention, formatDateDe, retentionClasses, retentionStates } from '@leuchtturm/shared';
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useRetentionFiles } from './queries.ts';
import { type RetentionAction, RetentionDialog } from './RetentionDialogs.tsx';

const columns = [
  'Aktenzeichen',
  'Abgeschlossen',
  'Aufbewahrungsklasse',
  'Aufbewahren bis',
  'Stand',
  'Aktionen',
];

/** Files that need someone: due, proposed for deletion, or restricted. */
const needsAction = (f: CaseRetention) => f.state !== 'aufzubewahren' && f.state !== 'geloescht';

/**
 * Aufbewahrung (docs/retention.md): the closed files of one's own cases (for a team lead, of her team), with how
 * long each is kept. Deletion takes two people: the lead case manager or the team lead proposes, another team lead
 * confirms by typing the case number. A restricted file (Sperrung) is kept and closed to everyone but the team lead.
 */
export function RetentionPage() {
  const files = useRetentionFiles();
  const [filter, setFilter] = useState<'handeln' | 'alle'>('handeln');
  const dialog = useModalState<{ file: CaseRetention; action: RetentionAction }>();

  return (
    <Page title="Aufbewahrung und Löschung">
      <Stack gap="md">
        <Text maw={760}>
          Abgeschlossene Akten werden aufbewahrt, solange die Frist ihrer Klasse läuft. Danach schlägt die
          fallführende Fachkraft oder die Referatsleitung die Löschung vor, und eine andere Person der
          Referatsleitung bestätigt sie. Gelöschte Akten behalten nur Daten ohne Personenbezug für die
          Statistik.
        </Text>
        <SegmentedControl
          w="fit-content"
          aria-label="Welche Akten zeigen"
          value={filter}
          onChange={(v) => setFilter(v as 'handeln' | 'alle')}
          data={[
            { value: 'handeln', label: 'Mit Handlungsbedarf' },
            { value: 'alle', label: 'Alle abgeschlossenen Akten' },
          ]}
        />
        <div aria-busy={files.isFetching}>
          <QueryState query={files} empty="Sie haben keine abgeschlossenen Akten.">
            {(all) => {
              const shown = filter === 'handeln' ? all.filter(needsAction) : all;
              if (shown.length === 0)
                return <Text>Keine Akte wartet auf eine Entscheidung. Alle Fristen laufen noch.</Text>;
              return (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped captionSide="top" verticalSpacing="xs">
                    <Table.Caption>
                      {shown.length} {shown.length === 1 ? 'Akte' : 'Akten'}, nach Abschlussdatum
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {columns.map((c) => (
                          <Table.Th key={c} scope="col">
                            {c}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((f) => (
                        <Table.Tr key={f.caseId}>
                          <Table.Td fw={600}>
                            {f.state === 'gesperrt' || f.state === 'geloescht' ? (
                              f.caseNumber
                            ) : (
                              <Anchor
                                renderRoot={(props) => (
                                  <Link to="/faelle/$caseId" params={{ caseId: f.caseId }} {...props} />
                                )}
                              >
                                {f.caseNumber}
                              </Anchor>
                            )}
                          </Table.Td>
                          <Table.Td>{formatDateDe(f.closedOn)}</Table.Td>
                          <Table.Td>{retentionClasses.labels[f.recordClass]}</Table.Td>
                          <Table.Td>
                            {f.retainUntil ? formatDateDe(f.retainUntil) : 'unbestimmt (Geburtsdatum fehlt)'}
                          </Table.Td>
                          <Table.Td>
                            {retentionStates.labels[f.state]}
                            {f.state === 'vorgeschlagen' && f.proposedByName
                              ? ` von ${f.proposedByName}`
                              : ''}
                            {f.restrictionReason ? ` – ${f.restrictionReason}` : ''}
                          </Table.Td>
                          <Table.Td>
                            <Actions file={f} onAction={(action) => dialog.open({ file: f, action })} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              );
            }}
          </QueryState>
        </div>
      </Stack>
      {dialog.value && (
        <RetentionDialog
          key={dialog.key}
          file={dialog.value.file}
          action={dialog.value.action}
          opened={dialog.opened}
          onClose={dialog.close}
        />
      )}
    </Page>
  );
}

function Actions({ file, onAction }: { file: CaseRetention; onAction: (a: RetentionAction) => void }) {
  const label = (what: string) => `${what}: ${file.caseNumber}`;
  return (
    <Group gap="xs" wrap="nowrap">
      {file.mayPropose && (
        <Button
          size="xs"
          variant="default"
          onClick={() => onAction('propose')}
          aria-label={label('Löschung vorschlagen')}
        >
          Löschung vorschlagen
        </Button>
      )}
      {file.state === 'vorgeschlagen' && (
        <Button
          size="xs"
          variant="default"
          onClick={() => onAction('withdraw')}
          aria-label={label('Vorschlag zurückziehen')}
        >
          Zurückziehen
        </Button>
      )}
      {file.mayConfirm && (
        <Button
          size="xs"
          color="red.9"
          onClick={() => onAction('confirm')}
          aria-label={label('Löschung bestätigen')}
        >
          Löschung bestätigen
        </Button>
      )}
      {file.mayRestrict && file.state !== 'gesperrt' && (
        <Button
          size="xs"
          variant="default"
          onClick={() => onAction('restrict')}
          aria-label={label('Akte sperren')}
        >
          Sperren
        </Button>
      )}
      {file.mayRestrict && file.state === 'gesperrt' && (
        <Button
          size="xs"
          variant="default"
          onClick={() => onAction('lift')}
          aria-label={label('Sperrung aufheben')}
        >
          Sperrung aufheben
        </Button>
      )}
    </Group>
  );
}
