import { type Street, streetInputSchema } from '@leuchtturm/shared';
import { Anchor, Button, Grid, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { DataTable } from '../../app/components/DataTable.tsx';
import { FormModal } from '../../app/components/FormModal.tsx';
import { RowActions } from '../../app/components/RowActions.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { useFormState } from '../../app/form.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useDeleteOrg, useDistricts, useSaveOrg, useStreets } from './queries.ts';
import { ResponsibilitiesPanel } from './ResponsibilitiesPanel.tsx';

const ALL = 'alle';

export function StreetsTab() {
  const manage = useCan('organisation:manage');
  const districts = useDistricts();
  const [districtId, setDistrictId] = useState(ALL);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const streets = useStreets({
    ...(districtId === ALL ? {} : { districtId }),
    ...(debouncedSearch ? { q: debouncedSearch } : {}),
  });
  const [selected, setSelected] = useState<Street | null>(null);
  const editor = useModalState<Street | 'new'>();
  const remover = useModalState<Street>();
  const remove = useDeleteOrg('streets', 'Die Straße wurde gelöscht.');

  const headers = ['Straße', 'Postleitzahl', 'Stadtteil'];
  return (
    <>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label="Stadtteil"
            data={[
              { value: ALL, label: 'Alle Stadtteile' },
              ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
            value={districtId}
            onChange={(value) => setDistrictId(value ?? ALL)}
            allowDeselect={false}
            searchable
            w={260}
          />
          <TextInput
            label="Straße suchen"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
        </Group>
        {manage && <Button onClick={() => editor.open('new')}>Neue Straße</Button>}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <QueryState query={streets} empty="Keine Straßen gefunden.">
            {(items) => (
              <DataTable
                caption={`${items.length} ${items.length === 1 ? 'Straße' : 'Straßen'}${items.length >= 200 ? ' (die ersten 200; bitte Suche eingrenzen)' : ''}`}
                headers={manage ? [...headers, 'Aktionen'] : headers}
                minWidth={480}
              >
                {items.map((street) => (
                  <Table.Tr key={street.id} bg={selected?.id === street.id ? 'blue.0' : undefined}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        fw={selected?.id === street.id ? 700 : 400}
                        aria-pressed={selected?.id === street.id}
                        onClick={() => setSelected(street)}
                      >
                        {street.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{street.postalCode}</Table.Td>
                    <Table.Td>{street.districtName}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <RowActions
                          name={street.name}
                          onEdit={() => editor.open(street)}
                          onDelete={() => {
                            remove.reset();
                            remover.open(street);
                          }}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div className="sticky-panel">
            {selected ? (
              <ResponsibilitiesPanel
                street={streets.data?.find((s) => s.id === selected.id) ?? selected}
                onClose={() => setSelected(null)}
              />
            ) : (
              <Text c="gray.8">Wählen Sie einen Straßennamen, um die zuständigen Teams zu sehen.</Text>
            )}
          </div>
        </Grid.Col>
      </Grid>
      {editor.value !== null && (
        <StreetForm
          key={editor.key}
          street={editor.value === 'new' ? null : editor.value}
          defaultDistrictId={districtId === ALL ? null : districtId}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
      <ConfirmDelete
        opened={remover.opened}
        what={`Die Straße „${remover.value?.name ?? ''}“ mit ihren Zuständigkeiten`}
        onClose={remover.close}
        onConfirm={() =>
          remover.value &&
          remove.mutate(remover.value, {
            onSuccess: (_, street) => {
              if (selected?.id === street.id) setSelected(null);
              remover.close();
            },
          })
        }
        deleting={remove.isPending}
        error={remove.error}
      />
    </>
  );
}

function StreetForm({
  street,
  defaultDistrictId,
  opened,
  onClose,
}: {
  street: Street | null;
  defaultDistrictId: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const districts = useDistricts();
  const form = useFormState({
    name: street?.name ?? '',
    postalCode: street?.postalCode ?? '',
    districtId: street?.districtId ?? defaultDistrictId,
  });
  const save = useSaveOrg('streets', street, 'Die Straße wurde gespeichert.');
  function submit() {
    const input = form.validate(streetInputSchema, form.values);
    if (!input) return;
    save.mutate(input, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }
  return (
    <FormModal
      opened={opened}
      title={street ? 'Straße bearbeiten' : 'Neue Straße'}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <TextInput
        label="Straßenname"
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <TextInput
        label="Postleitzahl"
        required
        inputMode="numeric"
        maxLength={5}
        value={form.values.postalCode}
        onChange={(e) => form.set('postalCode', e.currentTarget.value)}
        error={form.errors.postalCode}
      />
      <Select
        label="Stadtteil"
        required
        data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={form.values.districtId}
        onChange={(value) => form.set('districtId', value)}
        error={form.errors.districtId}
        allowDeselect={false}
        searchable
      />
    </FormModal>
  );
}
