import { formatNumber, roleLabels, type Staff, specialisationLabels } from '@leuchtturm/shared';
import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { RowActions } from '../../app/components/RowActions.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useStaff, useTeams } from './queries.ts';
import { StaffForm } from './StaffForm.tsx';

const ALL = 'alle';

export function formatFte(fte: string): string {
  return formatNumber(Number(fte), { fixed: true });
}

export function StaffTab() {
  const manage = useCan('organisation:manage');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [teamId, setTeamId] = useState(ALL);
  const teams = useTeams();
  const staff = useStaff({
    ...(teamId === ALL ? {} : { teamId }),
    ...(debouncedSearch ? { q: debouncedSearch } : {}),
  });
  const editor = useModalState<Staff | 'new'>();

  const headers = ['Name', 'Rollen', 'Team', 'Schwerpunkte', 'Stellenanteil'];
  return (
    <>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            label="Name oder Benutzername"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={300}
          />
          <Select
            label="Team"
            data={[
              { value: ALL, label: 'Alle Teams' },
              ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
            ]}
            value={teamId}
            onChange={(value) => setTeamId(value ?? ALL)}
            allowDeselect={false}
            searchable
            w={260}
          />
        </Group>
        {manage && <Button onClick={() => editor.open('new')}>Neue Mitarbeiterin / neuer Mitarbeiter</Button>}
      </Group>
      <QueryState query={staff} empty="Keine Mitarbeitenden gefunden.">
        {(items) => (
          <DataTable
            caption={`${items.length} Mitarbeitende`}
            headers={manage ? [...headers, 'Aktionen'] : headers}
          >
            {items.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {person.displayName}
                  </Text>
                  <Text size="sm" c="gray.8">
                    {person.username}
                  </Text>
                  {!person.active && (
                    <Text size="sm" fw={700} c="red.9">
                      Konto inaktiv
                    </Text>
                  )}
                  {person.email && (
                    <Anchor href={`mailto:${person.email}`} size="sm">
                      {person.email}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{person.roles.map((r) => roleLabels[r]).join(', ')}</Table.Td>
                <Table.Td>{person.teamName ?? '–'}</Table.Td>
                <Table.Td>
                  {person.specialisations.length === 0
                    ? '–'
                    : person.specialisations.map((s) => specialisationLabels[s]).join(', ')}
                </Table.Td>
                <Table.Td>{formatFte(person.fte)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RowActions name={person.displayName} onEdit={() => editor.open(person)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {editor.value !== null && (
        <StaffForm
          key={editor.key}
          person={editor.value === 'new' ? null : editor.value}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
    </>
  );
}
