import { districtInputSchema, socialCentreInputSchema } from '@leuchtturm/shared';
import { Button, Group, Table, TextInput } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCan } from '../../app/auth.ts';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { DataTable } from '../../app/components/DataTable.tsx';
import { FormModal } from '../../app/components/FormModal.tsx';
import { RowActions } from '../../app/components/RowActions.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { useFormState } from '../../app/form.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useDeleteOrg, useDistricts, useSaveOrg, useSocialCentres } from './queries.ts';

/** Sozialzentren and Stadtteile look alike: a name, a short code and a count. */
interface CodedItem {
  id: string;
  version: number;
  name: string;
  code: string;
}

interface Kind<T extends CodedItem> {
  collection: 'social-centres' | 'districts';
  noun: string;
  article: 'Das' | 'Der';
  plural: string;
  newLabel: string;
  countHeader: string;
  count: (item: T) => number;
  schema: typeof socialCentreInputSchema | typeof districtInputSchema;
  useList: () => UseQueryResult<T[]>;
}

function CodedTab<T extends CodedItem>({ kind }: { kind: Kind<T> }) {
  const manage = useCan('organisation:manage');
  const list = kind.useList();
  const editor = useModalState<T | 'new'>();
  const remover = useModalState<T>();
  const remove = useDeleteOrg(kind.collection, `${kind.article} ${kind.noun} wurde gelöscht.`);

  const headers = ['Name', 'Kürzel', kind.countHeader];
  return (
    <>
      {manage && (
        <Group>
          <Button onClick={() => editor.open('new')}>{kind.newLabel}</Button>
        </Group>
      )}
      <QueryState query={list} empty={`Es sind noch keine ${kind.plural} angelegt.`}>
        {(items) => (
          <DataTable
            caption={`${items.length} ${items.length === 1 ? kind.noun : kind.plural}`}
            headers={manage ? [...headers, 'Aktionen'] : headers}
          >
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>{item.code}</Table.Td>
                <Table.Td>{kind.count(item)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RowActions
                      name={item.name}
                      onEdit={() => editor.open(item)}
                      onDelete={() => {
                        remove.reset();
                        remover.open(item);
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
        <CodedForm
          key={editor.key}
          kind={kind}
          item={editor.value === 'new' ? null : editor.value}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
      <ConfirmDelete
        opened={remover.opened}
        what={`${kind.article} ${kind.noun} „${remover.value?.name ?? ''}“`}
        onClose={remover.close}
        onConfirm={() => remover.value && remove.mutate(remover.value, { onSuccess: remover.close })}
        deleting={remove.isPending}
        error={remove.error}
      />
    </>
  );
}

function CodedForm<T extends CodedItem>({
  kind,
  item,
  opened,
  onClose,
}: {
  kind: Kind<T>;
  item: T | null;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({ name: item?.name ?? '', code: item?.code ?? '' });
  const save = useSaveOrg(kind.collection, item, `${kind.article} ${kind.noun} wurde gespeichert.`);
  function submit() {
    const input = form.validate(kind.schema, form.values);
    if (!input) return;
    save.mutate(input, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }
  return (
    <FormModal
      opened={opened}
      title={item ? `${kind.noun} bearbeiten` : kind.newLabel}
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
      <TextInput
        label="Kürzel"
        description="Buchstaben, Ziffern, - und _, höchstens 20 Zeichen."
        required
        value={form.values.code}
        onChange={(e) => form.set('code', e.currentTarget.value)}
        error={form.errors.code}
      />
    </FormModal>
  );
}

export function SocialCentresTab() {
  return (
    <CodedTab
      kind={{
        collection: 'social-centres',
        noun: 'Sozialzentrum',
        article: 'Das',
        plural: 'Sozialzentren',
        newLabel: 'Neues Sozialzentrum',
        countHeader: 'Teams',
        count: (item) => item.teamCount,
        schema: socialCentreInputSchema,
        useList: useSocialCentres,
      }}
    />
  );
}

export function DistrictsTab() {
  return (
    <CodedTab
      kind={{
        collection: 'districts',
        noun: 'Stadtteil',
        article: 'Der',
        plural: 'Stadtteile',
        newLabel: 'Neuer Stadtteil',
        countHeader: 'Straßen',
        count: (item) => item.streetCount,
        schema: districtInputSchema,
        useList: useDistricts,
      }}
    />
  );
}
