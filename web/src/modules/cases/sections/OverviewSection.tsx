import {
  accessRoutes,
  custodyKinds,
  formatAddress,
  formatBirthDate,
  householdRoles,
  isChildRole,
  type Person,
} from '@leuchtturm/shared';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../../app/auth.ts';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { DisclosureLinks } from '../../dataProtection/DisclosureLinks.tsx';
import { formUrl } from '../caseQueries.ts';
import { CaseTimeline } from './CaseTimeline.tsx';
import { PersonForm } from './PersonForm.tsx';
import { InfoList, type SectionProps } from './ui.tsx';

/** Überblick: why the case came in, the family and what happened so far. */
export function OverviewSection({ detail, readOnly }: SectionProps) {
  const { household } = detail;
  const [editing, setEditing] = useState<Person | null>(null);
  const address = formatAddress(household.address);
  const mayDisclose = useCan('person:disclose');
  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Falleingang
        </Title>
        <InfoList
          items={[
            ['Anliegen', detail.concern],
            ['Zugangsweg', accessRoutes.labels[detail.accessRoute]],
            ['Meldende Stelle', detail.reporter],
            ['Anschrift', address],
          ]}
        />
        <Group>
          <Button component="a" href={formUrl(detail.id, 'falleingang')} download variant="default">
            Falleingang (PDF)
          </Button>
        </Group>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h3">
          Familie
        </Title>
        {household.members.length === 0 ? (
          <Text>Keine Personen erfasst.</Text>
        ) : (
          <DataTable
            caption={household.name}
            headers={[
              'Name',
              'geboren',
              'Rolle',
              'Sorgerecht',
              ...(mayDisclose ? ['Auskunft (Art. 15 DSGVO)'] : []),
              ...(readOnly ? [] : ['Aktion']),
            ]}
          >
            {household.members.map((m) => (
              <Table.Tr key={m.person.id}>
                <Table.Td>
                  {m.person.firstName} {m.person.lastName}
                </Table.Td>
                <Table.Td>{formatBirthDate(m.person.birthDate)}</Table.Td>
                <Table.Td>{householdRoles.labels[m.role]}</Table.Td>
                <Table.Td>{m.custody ? custodyKinds.labels[m.custody] : '–'}</Table.Td>
                {mayDisclose && (
                  <Table.Td>
                    <DisclosureLinks
                      personId={m.person.id}
                      name={`${m.person.firstName} ${m.person.lastName}`}
                    />
                  </Table.Td>
                )}
                {!readOnly && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${m.person.firstName} ${m.person.lastName} bearbeiten`}
                      onClick={() => setEditing(m.person)}
                    >
                      Bearbeiten
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>

      {editing && (
        <PersonForm
          key={`${editing.id}-${editing.version}`}
          caseId={detail.id}
          person={editing}
          mayBeUnknown={household.members.some((m) => m.person.id === editing.id && !isChildRole(m.role))}
          opened
          onClose={() => setEditing(null)}
        />
      )}

      <CaseTimeline detail={detail} />
    </>
  );
}
