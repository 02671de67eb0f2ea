import { ageCohorts, needInputSchema, needSources, todayIso } from '@leuchtturm/shared';
import { Select, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { useRecordNeed } from './queries.ts';

const sourceOptions = needSources.values
  .filter((s) => s !== 'kollegiale_beratung')
  .map((s) => ({ value: s, label: needSources.labels[s] }));
const cohortOptions = ageCohorts.values.map((c) => ({ value: c, label: ageCohorts.labels[c] }));

/**
 * "Bedarf erfassen": a need named in a Bedarfsrunde, an exploration, a talk, a visit or a network. (Needs from the
 * closing question of a kollegiale Beratung are recorded with the Beratung.) The same open need counts up.
 */
export function RecordNeedForm({
  opened,
  onClose,
  districtId,
}: {
  opened: boolean;
  onClose: () => void;
  districtId?: string | undefined;
}) {
  const districts = useDistricts();
  const form = useFormState(
    {
      districtId: (districtId ?? null) as string | null,
      ageCohort: null as string | null,
      text: '',
      source: 'bedarfsrunde' as string | null,
      mentionedOn: todayIso(),
    },
    { draft: `bedarf:neu:${districtId ?? 'ohne-stadtteil'}` },
  );
  const save = useRecordNeed();
  const v = form.values;

  function toInput() {
    const valid = form.validate(needInputSchema, v);
    return valid;
  }

  return (
    <StepModalForm
      opened={opened}
      title="Bedarf erfassen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <TextInput
        label="Bedarf"
        description="Welches Angebot fehlt im Stadtteil? Ohne Angaben zu Personen."
        required
        data-autofocus
        value={v.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={form.errors.text}
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
      <Select
        label="Altersgruppe"
        required
        data={cohortOptions}
        value={v.ageCohort}
        onChange={(value) => form.set('ageCohort', value)}
        error={form.errors.ageCohort}
      />
      <Select
        label="Quelle"
        required
        data={sourceOptions}
        value={v.source}
        onChange={(value) => form.set('source', value)}
        error={form.errors.source}
        allowDeselect={false}
      />
      <DateField
        label="Genannt am"
        required
        value={v.mentionedOn}
        onChange={(e) => form.set('mentionedOn', e.currentTarget.value)}
        error={form.errors.mentionedOn}
      />
    </StepModalForm>
  );
}
