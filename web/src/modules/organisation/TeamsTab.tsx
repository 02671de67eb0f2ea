import { type Team, teamInputSchema } from '@leuchtturm/shared';
import { Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { DataTable } from '../../app/components/DataTable.tsx';
import { FormModal } from '../../app/components/FormModal.tsx';
import { RowActions } from '../../app/components/RowActions.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { useFormState } from '../../app/form.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useDeleteOrg, useSaveOrg, useSocialCentres, useStaff, useTeams } from './queries.ts';

const ALL = 'alle';
const NONE = 'keine';

export function TeamsTab() {
  const manage = useCan('organisation:manage');
  const [centreId, setCentreId] = useState(ALL);
  const centres = useSocialCentres();
  const teams = useTeams(centreId === ALL ? undefined : centreId);
  const editor = useModalState<Team | 'new'>();
  const remover = useModalState<Team>();
  const remove = useDeleteOrg('teams', 'Das Team wurde gelöscht.');

  const centreOptions = [
    { value: ALL, label: 'Alle Sozialzentren' },
    ...(centres.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const headers = ['Team', 'Sozialzentrum', 'Referatsleitung', 'Mitarbeitende'];

  return (
    <>
      <Group align="flex-end" justify="space-between">
        <Select
          label="Sozialzentrum"
          data={centreOptions}
          value={centreId}
          onChange={(value) => setCentreId(value ?? ALL)}
          allowDeselect={false}
          w={280}
        />
        {manage && <Button onClick={() => editor.open('new')}>Neues Team</Button>}
      </Group>
      <QueryState query={teams} empty="Keine Teams gefunden.">
        {(items) => (
          <DataTable
            caption={`${items.length} ${items.length === 1 ? 'Team' : 'Teams'}`}
            headers={manage ? [...headers, 'Aktionen'] : headers}
          >
            {items.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>{team.socialCentreName}</Table.Td>
                <Table.Td>{team.leadName ?? '–'}</Table.Td>
                <Table.Td>{team.memberCount}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RowActions
                      name={team.name}
                      onEdit={() => editor.open(team)}
                      onDelete={() => {
                        remove.reset();
                        remover.open(team);
                      }}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {editor.value !== null && (
        <TeamForm
          key={editor.key}
          team={editor.value === 'new' ? null : editor.value}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
      <ConfirmDelete
        opened={remover.opened}
        what={`Das Team „${remover.value?.name ?? ''}“`}
        onClose={remover.close}
        onConfirm={() => remover.value && remove.mutate(remover.value, { onSuccess: remover.close })}
        deleting={remove.isPending}
        error={remove.error}
      />
    </>
  );
}

function TeamForm({ team, opened, onClose }: { team: Team | null; opened: boolean; onClose: () => void }) {
  const centres = useSocialCentres();
  const staff = useStaff({});
  const form = useFormState({
    name: team?.name ?? '',
    socialCentreId: team?.socialCentreId ?? null,
    leadUserId: team?.leadUserId ?? null,
  });
  const save = useSaveOrg('teams', team, 'Das Team wurde gespeichert.');

  function submit() {
    const input = form.validate(teamInputSchema, form.values);
    if (!input) return;
    save.mutate(input, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }

  // The lead is usually a Referatsleitung; members of this team come first.
  const leads = [
    { value: NONE, label: 'Keine Referatsleitung' },
    ...(staff.data ?? [])
      .filter((s) => s.active || s.id === team?.leadUserId)
      .map((s) => ({ value: s.id, label: s.teamName ? `${s.displayName} (${s.teamName})` : s.displayName })),
  ];

  return (
    <FormModal
      opened={opened}
      title={team ? 'Team bearbeiten' : 'Neues Team'}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <Select
        label="Sozialzentrum"
        required
        data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={form.values.socialCentreId}
        onChange={(value) => form.set('socialCentreId', value)}
        error={form.errors.socialCentreId}
        allowDeselect={false}
        searchable
      />
      <Select
        label="Referatsleitung"
        data={leads}
        value={form.values.leadUserId ?? NONE}
        onChange={(value) => form.set('leadUserId', value === NONE ? null : value)}
        error={form.errors.leadUserId}
        allowDeselect={false}
        searchable
      />
    </FormModal>
  );
}
