import { ageCohorts, type NetworkDetail, networkInputSchema, networkUpdateSchema } from '@leuchtturm/shared';
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { useDistricts, useSocialCentres, useStaff } from '../organisation/queries.ts';
import { useSaveNetwork } from './queries.ts';

type External = { name: string; organisation: string };

/** "Netzwerk anlegen" or change one: age cohort, district or Sozialzentrum, members, Geschäftsordnung. */
export function NetworkForm({
  opened,
  onClose,
  network,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  network?: NetworkDetail;
  onReload?: () => unknown;
}) {
  const districts = useDistricts();
  const centres = useSocialCentres();
  const staff = useStaff({}, { activeOnly: true });
  const form = useFormState(
    {
      name: network?.name ?? '',
      ageCohort: (network?.ageCohort ?? null) as string | null,
      scope: network?.socialCentre ? 'centre' : 'district',
      districtId: (network?.district?.id ?? null) as string | null,
      socialCentreId: (network?.socialCentre?.id ?? null) as string | null,
      staffUserIds: (network?.staff ?? []).map((s) => s.id),
      externalMembers: (network?.externalMembers ?? []) as External[],
      rulesOfProcedure: network?.rulesOfProcedure ?? '',
    },
    { draft: `netzwerk:${network?.id ?? 'neu'}` },
  );
  const v = form.values;
  const setExternal = (i: number, change: Partial<External>) =>
    form.set(
      'externalMembers',
      v.externalMembers.map((m, j) => (j === i ? { ...m, ...change } : m)),
    );
  const toInput = () => {
    const input = {
      name: v.name,
      ageCohort: v.ageCohort,
      districtId: v.scope === 'district' ? v.districtId : null,
      socialCentreId: v.scope === 'centre' ? v.socialCentreId : null,
      staffUserIds: v.staffUserIds,
      externalMembers: v.externalMembers,
      rulesOfProcedure: v.rulesOfProcedure,
    };
    const missing = {
      districtId: v.scope === 'district' && !v.districtId ? 'Bitte einen Stadtteil wählen.' : null,
      socialCentreId: v.scope === 'centre' && !v.socialCentreId ? 'Bitte ein Sozialzentrum wählen.' : null,
    };
    return network
      ? form.validate(networkUpdateSchema, { ...input, version: network.version }, missing)
      : form.validate(networkInputSchema, input, missing);
  };
  return (
    <StepModalForm
      opened={opened}
      title={network ? 'Netzwerk ändern' : 'Netzwerk anlegen'}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={useSaveNetwork(network?.id ?? null)}
      {...(onReload ? { onReload } : {})}
      size="lg"
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={v.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <Select
        label="Altersgruppe"
        required
        data={ageCohorts.values.map((c) => ({ value: c, label: ageCohorts.labels[c] }))}
        value={v.ageCohort}
        onChange={(x) => form.set('ageCohort', x)}
        error={form.errors.ageCohort}
      />
      <Radio.Group label="Netzwerk für" value={v.scope} onChange={(x) => form.set('scope', x)}>
        <Group mt="xs">
          <Radio value="district" label="einen Stadtteil" />
          <Radio value="centre" label="ein Sozialzentrum" />
        </Group>
      </Radio.Group>
      {v.scope === 'district' ? (
        <Select
          label="Stadtteil"
          required
          searchable
          data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={v.districtId}
          onChange={(x) => form.set('districtId', x)}
          error={form.errors.districtId}
        />
      ) : (
        <Select
          label="Sozialzentrum"
          required
          data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={v.socialCentreId}
          onChange={(x) => form.set('socialCentreId', x)}
          error={form.errors.socialCentreId}
        />
      )}
      <MultiSelect
        label="Mitglieder aus dem Jugendamt"
        searchable
        data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
        value={v.staffUserIds}
        onChange={(x) => form.set('staffUserIds', x)}
        error={form.errors.staffUserIds}
      />
      <Fieldset legend="Mitglieder von außen (Institutionen, Träger)">
        <Stack gap="sm">
          {v.externalMembers.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no id
            <Group key={i} align="flex-end" wrap="wrap">
              <TextInput
                label={`Name (Mitglied ${i + 1})`}
                required
                value={m.name}
                onChange={(e) => setExternal(i, { name: e.currentTarget.value })}
                error={form.errors[`externalMembers.${i}.name`]}
              />
              <TextInput
                label={`Organisation (Mitglied ${i + 1})`}
                value={m.organisation}
                onChange={(e) => setExternal(i, { organisation: e.currentTarget.value })}
                error={form.errors[`externalMembers.${i}.organisation`]}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  form.set(
                    'externalMembers',
                    v.externalMembers.filter((_, j) => j !== i),
                  )
                }
              >
                Mitglied {i + 1} entfernen
              </Button>
            </Group>
          ))}
          <Button
            variant="default"
            onClick={() =>
              form.set('externalMembers', [...v.externalMembers, { name: '', organisation: '' }])
            }
          >
            Mitglied von außen hinzufügen
          </Button>
        </Stack>
      </Fieldset>
      <Textarea
        label="Geschäftsordnung"
        autosize
        minRows={4}
        value={v.rulesOfProcedure}
        onChange={(e) => form.set('rulesOfProcedure', e.currentTarget.value)}
        error={form.errors.rulesOfProcedure}
      />
    </StepModalForm>
  );
}
