import { type CaseDetail, networkTieInputSchema, tieKinds, tieQualities, z } from '@leuchtturm/shared';
import { Button, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ConfirmDelete } from '../../../app/components/ConfirmDelete.tsx';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { RowActions } from '../../../app/components/RowActions.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { useFormState } from '../../../app/form.ts';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { useRemoveNetworkTie, useSaveNetworkTie } from '../caseQueries.ts';
import { NetworkMap } from './NetworkMap.tsx';
import type { SectionProps } from './ui.tsx';

type Tie = CaseDetail['network'][number];

export const closenessLabels: Record<number, string> = { 1: '1 – nah', 2: '2 – mittel', 3: '3 – fern' };

/** Netzwerkkarte: people and institutions around the family, as a picture and as a table. */
export function NetworkSection({ detail, readOnly }: SectionProps) {
  const editor = useModalState<Tie | 'new'>();
  const remover = useModalState<Tie>();
  const remove = useRemoveNetworkTie(detail.id);
  const ties = detail.network;
  const headers = ['Name', 'Art', 'Nähe', 'Qualität', 'Position'];

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          Netzwerkkarte
        </Title>
        {!readOnly && <Button onClick={() => editor.open('new')}>Person oder Institution hinzufügen</Button>}
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <NetworkMap familyName={detail.household.name} ties={ties} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {ties.length === 0 ? (
            <Text>Noch keine Personen oder Institutionen eingetragen.</Text>
          ) : (
            <DataTable
              caption="Einträge der Netzwerkkarte"
              headers={readOnly ? headers : [...headers, 'Aktionen']}
              minWidth={readOnly ? 420 : 560}
            >
              {ties.map((tie, index) => (
                <Table.Tr key={tie.id}>
                  <Table.Td>
                    {tie.confided && <ConfidedBadge withheld={tie.confided.withheld} />}
                    <Text size="sm">{tie.name}</Text>
                    <ConfidedControls
                      detail={detail}
                      itemType="network_tie"
                      itemId={tie.id}
                      mark={tie.confided}
                      what={`Eintrag ${index + 1} der Netzwerkkarte`}
                      readOnly={readOnly}
                    />
                  </Table.Td>
                  <Table.Td>{tieKinds.labels[tie.kind]}</Table.Td>
                  <Table.Td>{closenessLabels[tie.closeness]}</Table.Td>
                  <Table.Td>{tieQualities.labels[tie.quality]}</Table.Td>
                  <Table.Td>{tie.angle}°</Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      {tie.confided?.withheld ? (
                        <Text size="sm">Anvertraut: ändern kann ihn nur, wer den Inhalt sehen darf.</Text>
                      ) : (
                        <RowActions
                          name={tie.name}
                          onEdit={() => editor.open(tie)}
                          onDelete={() => {
                            remove.reset();
                            remover.open(tie);
                          }}
                        />
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </Grid.Col>
      </Grid>
      {editor.value !== null && (
        <TieForm
          key={editor.key}
          caseId={detail.id}
          tie={editor.value === 'new' ? null : editor.value}
          others={ties}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
      <ConfirmDelete
        opened={remover.opened}
        what={`Der Eintrag „${remover.value?.name ?? ''}“`}
        onClose={remover.close}
        onConfirm={() => remover.value && remove.mutate(remover.value, { onSuccess: remover.close })}
        deleting={remove.isPending}
        error={remove.error}
      />
    </>
  );
}

const angleMessage = 'Bitte eine ganze Zahl von 0 bis 359 angeben.';
const tieFormSchema = networkTieInputSchema.extend({
  closeness: z.int({ error: 'Bitte auswählen.' }).min(1).max(3),
  angle: z.int({ error: angleMessage }).min(0, { error: angleMessage }).max(359, { error: angleMessage }),
});
const fields = ['name', 'kind', 'closeness', 'quality', 'angle'] as const;

/** The angle farthest from all others, so a new entry does not cover an old one. */
function freeAngle(ties: Tie[]): number {
  let best = 0;
  let bestGap = -1;
  for (let candidate = 0; candidate < 360; candidate += 15) {
    const gap = Math.min(
      360,
      ...ties.map((t) => {
        const d = Math.abs(t.angle - candidate) % 360;
        return Math.min(d, 360 - d);
      }),
    );
    if (gap > bestGap) {
      best = candidate;
      bestGap = gap;
    }
  }
  return best;
}

function TieForm({
  caseId,
  tie,
  others,
  opened,
  onClose,
}: {
  caseId: string;
  tie: Tie | null;
  others: Tie[];
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({
    name: tie?.name ?? '',
    kind: (tie?.kind ?? 'person') as string | null,
    closeness: String(tie?.closeness ?? 2) as string | null,
    quality: (tie?.quality ?? null) as string | null,
    angle: String(tie?.angle ?? freeAngle(others)),
  });
  // A change names the version the form was opened on: one saved meanwhile by someone else is refused (409).
  const save = useSaveNetworkTie(caseId, tie ?? null);

  function submit() {
    const angle = form.values.angle.trim();
    const input = form.validate(tieFormSchema, {
      ...form.values,
      closeness: form.values.closeness === null ? null : Number(form.values.closeness),
      angle: /^\d{1,3}$/.test(angle) ? Number(angle) : Number.NaN,
    });
    if (!input) return;
    save.mutate(input, { onSuccess: onClose, onError: (error) => form.showServerError(error, fields) });
  }

  return (
    <FormModal
      opened={opened}
      title={tie ? `${tie.name} bearbeiten` : 'Person oder Institution hinzufügen'}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          data-autofocus
          value={form.values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.errors.name}
        />
        <Select
          label="Person oder Institution"
          required
          data={tieKinds.values.map((k) => ({ value: k, label: tieKinds.labels[k] }))}
          value={form.values.kind}
          onChange={(value) => form.set('kind', value)}
          error={form.errors.kind}
          allowDeselect={false}
        />
        <Select
          label="Nähe"
          description="1 = nah (innerer Ring) bis 3 = fern (äußerer Ring)"
          required
          data={[1, 2, 3].map((n) => ({ value: String(n), label: closenessLabels[n] ?? String(n) }))}
          value={form.values.closeness}
          onChange={(value) => form.set('closeness', value)}
          error={form.errors.closeness}
          allowDeselect={false}
        />
        <Select
          label="Qualität"
          required
          data={tieQualities.values.map((q) => ({ value: q, label: tieQualities.labels[q] }))}
          value={form.values.quality}
          onChange={(value) => form.set('quality', value)}
          error={form.errors.quality}
          allowDeselect={false}
        />
        <TextInput
          label="Position in Grad"
          description="0 bis 359: 0 = oben, 90 = rechts, 180 = unten, 270 = links"
          required
          type="number"
          min={0}
          max={359}
          step={1}
          inputMode="numeric"
          value={form.values.angle}
          onChange={(e) => form.set('angle', e.currentTarget.value)}
          error={form.errors.angle}
        />
      </Stack>
    </FormModal>
  );
}
