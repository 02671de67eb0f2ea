import { cpResults, cpSteps, cpUrgencies } from '@leuchtturm/shared';
import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { formUrl } from '../cases/caseQueries.ts';
import { DownloadLink, type SectionProps } from '../cases/sections/ui.tsx';
import { CheckDetail } from './CheckDetail.tsx';
import { useChecks } from './queries.ts';
import { ReportForm } from './ReportForm.tsx';

/**
 * Kinderschutz (§ 8a SGB VIII): the case's checks, newest report first, with the deadline of each assessment;
 * one opened below the list; and the form for a new report.
 */
export function ChildProtectionSection({ detail, readOnly }: SectionProps) {
  const checks = useChecks(detail.id);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Kinderschutz (§ 8a SGB VIII)
        </Title>
        <Text size="sm">
          Jede Meldung gewichtiger Anhaltspunkte wird für jedes betroffene Kind eingeschätzt:
          Ersteinschätzung, Gefährdungseinschätzung durch mindestens zwei Fachkräfte, Inaugenscheinnahme,
          Ergebnis und Konsequenzen. Das Ergebnis legt die Einordnung des Falls fest.
        </Text>
        <DownloadLink
          href={formUrl(detail.id, 'hausbesuchsmappe')}
          label="Hausbesuchsmappe (PDF) der Familie"
        >
          Hausbesuchsmappe (PDF)
        </DownloadLink>
        <QueryState query={checks} empty="Zu diesem Fall ist keine Gefährdungseinschätzung erfasst.">
          {(data) => (
            <DataTable
              caption={`${data.length === 1 ? 'Eine Gefährdungseinschätzung' : `${data.length} Gefährdungseinschätzungen`}, neueste Meldung zuerst`}
              headers={[
                'Kind',
                'Meldung',
                'Dringlichkeit',
                'Frist der Einschätzung',
                'Stand',
                'Ergebnis',
                'Aktion',
              ]}
              minWidth={900}
            >
              {data.map((c) => (
                <Table.Tr key={c.id} aria-current={c.id === selected ? 'true' : undefined}>
                  <Table.Td>{c.child.name}</Table.Td>
                  <Table.Td>{formatDateTimeDe(c.receivedAt)}</Table.Td>
                  <Table.Td>{c.urgency ? cpUrgencies.labels[c.urgency] : 'noch offen'}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      {c.assessmentDueAt ? formatDateTimeDe(c.assessmentDueAt) : '–'}
                      {c.overdue && (
                        <Badge color="red" variant="filled">
                          überfällig
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {c.status === 'abgeschlossen'
                      ? 'abgeschlossen'
                      : `offen${c.nextStep ? `, als Nächstes: ${cpSteps.labels[c.nextStep]}` : ''}`}
                  </Table.Td>
                  <Table.Td>{c.result ? cpResults.labels[c.result] : '–'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={c.id === selected ? 'filled' : 'default'}
                      onClick={() => setSelected(c.id === selected ? null : c.id)}
                      aria-expanded={c.id === selected}
                      aria-label={`Einschätzung für ${c.child.name} vom ${formatDateTimeDe(c.receivedAt)} ${c.id === selected ? 'schließen' : 'öffnen'}`}
                    >
                      {c.id === selected ? 'Schließen' : 'Öffnen'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Stack>
      {selected && <CheckDetail detail={detail} checkId={selected} readOnly={readOnly} />}
      {!readOnly && <ReportForm detail={detail} onCreated={setSelected} />}
    </Stack>
  );
}
