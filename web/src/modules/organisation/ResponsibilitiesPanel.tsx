import { type Responsibility, responsibilityInputSchema, type Street } from '@leuchtturm/shared';
import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useCan } from '../../app/auth.ts';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { DataTable } from '../../app/components/DataTable.tsx';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { useFormState } from '../../app/form.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useDeleteOrg, useResponsibilities, useSaveOrg, useTeams } from './queries.ts';

export function houseRange(r: { houseFrom: number | null; houseTo: number | null }): string {
  if (r.houseFrom === null || r.houseTo === null) return 'Ganze Straße';
  return r.houseFrom === r.houseTo ? `Nr. ${r.houseFrom}` : `Nr. ${r.houseFrom}–${r.houseTo}`;
}

/** Which team is responsible for (parts of) one street. */
export function ResponsibilitiesPanel({ street, onClose }: { street: Street; onClose: () => void }) {
  const manage = useCan('organisation:manage');
  const list = useResponsibilities(street.id);
  const creator = useModalState<true>();
  const remover = useModalState<Responsibility>();
  const remove = useDeleteOrg('responsibilities', 'Die Zuständigkeit wurde gelöscht.');
  const heading = useRef<HTMLHeadingElement>(null);

  // Choosing a street moves the reading position to its responsibilities.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another street is chosen
  useEffect(() => heading.current?.focus(), [street.id]);

  const headers = ['Hausnummern', 'Team'];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="zustaendigkeit-titel">
      <Stack gap="md">
        <Group justify="space-between">
          <Title
            order={2}
            size="h3"
            id="zustaendigkeit-titel"
            ref={heading}
            tabIndex={-1}
            className="page-heading"
          >
            Zuständigkeit für {street.name} ({street.postalCode})
          </Title>
          <Group gap="sm">
            {manage && <Button onClick={() => creator.open(true)}>Neue Zuständigkeit</Button>}
            <Button variant="default" onClick={onClose}>
              Schließen
            </Button>
          </Group>
        </Group>
        <QueryState query={list} empty="Für diese Straße ist noch kein Team zuständig.">
          {(items) => (
            <DataTable
              caption={`Zuständige Teams für ${street.name}`}
              minWidth={0}
              headers={manage ? [...headers, 'Aktionen'] : headers}
            >
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{houseRange(r)}</Table.Td>
                  <Table.Td>{r.teamName}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        aria-label={`Zuständigkeit ${houseRange(r)} (${r.teamName}) löschen`}
                        onClick={() => {
                          remove.reset();
                          remover.open(r);
                        }}
                      >
                        Löschen
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Stack>
      {creator.value !== null && (
        <ResponsibilityForm
          key={creator.key}
          street={street}
          opened={creator.opened}
          onClose={creator.close}
        />
      )}
      <ConfirmDelete
        opened={remover.opened}
        what={`Die Zuständigkeit (${remover.value ? houseRange(remover.value) : ''}, ${remover.value?.teamName ?? ''})`}
        onClose={remover.close}
        onConfirm={() => remover.value && remove.mutate(remover.value, { onSuccess: remover.close })}
        deleting={remove.isPending}
        error={remove.error}
      />
    </Card>
  );
}

function toHouseNumber(value: string): number | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed);
}

function ResponsibilityForm({
  street,
  opened,
  onClose,
}: {
  street: Street;
  opened: boolean;
  onClose: () => void;
}) {
  const teams = useTeams();
  const form = useFormState({ teamId: null as string | null, houseFrom: '', houseTo: '' });
  const save = useSaveOrg('responsibilities', null, 'Die Zuständigkeit wurde gespeichert.');
  function submit() {
    const input = form.validate(responsibilityInputSchema, {
      streetId: street.id,
      teamId: form.values.teamId,
      houseFrom: toHouseNumber(form.values.houseFrom),
      houseTo: toHouseNumber(form.values.houseTo),
    });
    if (!input) return;
    save.mutate(input, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }
  return (
    <FormModal
      opened={opened}
      title={`Neue Zuständigkeit: ${street.name}`}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <Select
        label="Team"
        required
        data-autofocus
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.socialCentreName})` }))}
        value={form.values.teamId}
        onChange={(value) => form.set('teamId', value)}
        error={form.errors.teamId}
        allowDeselect={false}
        searchable
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Erste Hausnummer"
          inputMode="numeric"
          value={form.values.houseFrom}
          onChange={(e) => form.set('houseFrom', e.currentTarget.value)}
          error={form.errors.houseFrom}
        />
        <TextInput
          label="Letzte Hausnummer"
          inputMode="numeric"
          value={form.values.houseTo}
          onChange={(e) => form.set('houseTo', e.currentTarget.value)}
          error={form.errors.houseTo}
        />
      </SimpleGrid>
      <Text size="sm">Ohne Hausnummern gilt die Zuständigkeit für die ganze Straße.</Text>
    </FormModal>
  );
}
