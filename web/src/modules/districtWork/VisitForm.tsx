import {
  type InstitutionVisitDetail,
  institutionVisitInputSchema,
  institutionVisitUpdateSchema,
  todayIso,
} from '@leuchtturm/shared';
import { Button, Checkbox, Fieldset, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { NoPersonalData } from './NoPersonalData.tsx';
import { useSaveVisit } from './queries.ts';

type FollowUp = { dueOn: string; text: string; done: boolean };

/** "Institutionenbesuch erfassen" or change one: the fixed card and the follow-ups with their dates. */
export function VisitForm({
  opened,
  onClose,
  visit,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  visit?: InstitutionVisitDetail;
  onReload?: () => unknown;
}) {
  const districts = useDistricts();
  const form = useFormState(
    {
      institutionName: visit?.institutionName ?? '',
      districtId: (visit?.district.id ?? null) as string | null,
      visitedOn: visit?.visitedOn ?? todayIso(),
      offers: visit?.offers ?? '',
      contacts: visit?.contacts ?? '',
      accessRoutes: visit?.accessRoutes ?? '',
      needsSeen: visit?.needsSeen ?? '',
      agreements: visit?.agreements ?? '',
      followUps: (visit?.followUps ?? []).map((f) => ({
        dueOn: f.dueOn,
        text: f.text,
        done: f.done,
      })) as FollowUp[],
    },
    { draft: `besuch:${visit?.id ?? 'neu'}` },
  );
  const save = useSaveVisit(visit?.id ?? null);
  const v = form.values;
  const setFollowUp = (i: number, change: Partial<FollowUp>) =>
    form.set(
      'followUps',
      v.followUps.map((f, j) => (j === i ? { ...f, ...change } : f)),
    );
  const card = [
    ['offers', 'Angebote'],
    ['contacts', 'Ansprechpersonen der Institution'],
    ['accessRoutes', 'Zugangswege'],
    ['needsSeen', 'Bedarfe, die die Institution sieht'],
    ['agreements', 'Vereinbarungen'],
  ] as const;

  return (
    <StepModalForm
      opened={opened}
      title={visit ? 'Institutionenbesuch ändern' : 'Institutionenbesuch erfassen'}
      onClose={onClose}
      form={form}
      toInput={() =>
        visit
          ? form.validate(institutionVisitUpdateSchema, { ...v, version: visit.version })
          : form.validate(institutionVisitInputSchema, v)
      }
      mutation={save}
      {...(onReload ? { onReload } : {})}
      size="lg"
    >
      <NoPersonalData />
      <TextInput
        label="Institution"
        required
        data-autofocus
        value={v.institutionName}
        onChange={(e) => form.set('institutionName', e.currentTarget.value)}
        error={form.errors.institutionName}
      />
      <Select
        label="Stadtteil"
        required
        searchable
        data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={v.districtId}
        onChange={(value) => form.set('districtId', value)}
        error={form.errors.districtId}
      />
      <DateField
        label="Besucht am"
        required
        value={v.visitedOn}
        onChange={(e) => form.set('visitedOn', e.currentTarget.value)}
        error={form.errors.visitedOn}
      />
      {card.map(([key, label]) => (
        <Textarea
          key={key}
          label={label}
          autosize
          minRows={2}
          value={v[key]}
          onChange={(e) => form.set(key, e.currentTarget.value)}
          error={form.errors[key]}
        />
      ))}
      <Fieldset legend="Wiedervorlagen (erscheinen an ihrem Datum in Ihrem Arbeitsvorrat)">
        <Stack gap="sm">
          {v.followUps.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no id until saved
            <Group key={i} align="flex-end" wrap="wrap">
              <DateField
                label={`Datum der Wiedervorlage ${i + 1}`}
                required
                value={f.dueOn}
                onChange={(e) => setFollowUp(i, { dueOn: e.currentTarget.value })}
                error={form.errors[`followUps.${i}.dueOn`]}
              />
              <TextInput
                label={`Was ist zu tun (Wiedervorlage ${i + 1})`}
                required
                value={f.text}
                onChange={(e) => setFollowUp(i, { text: e.currentTarget.value })}
                error={form.errors[`followUps.${i}.text`]}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Checkbox
                label="erledigt"
                checked={f.done}
                onChange={(e) => setFollowUp(i, { done: e.currentTarget.checked })}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  form.set(
                    'followUps',
                    v.followUps.filter((_, j) => j !== i),
                  )
                }
              >
                Wiedervorlage {i + 1} entfernen
              </Button>
            </Group>
          ))}
          <Button
            variant="default"
            onClick={() =>
              form.set('followUps', [...v.followUps, { dueOn: todayIso(), text: '', done: false }])
            }
          >
            Wiedervorlage hinzufügen
          </Button>
        </Stack>
      </Fieldset>
    </StepModalForm>
  );
}
