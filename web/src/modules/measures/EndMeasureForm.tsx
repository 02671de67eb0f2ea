import { DATE_INPUT_BOUNDS, endReasons, type Measure, measureEndSchema, todayIso } from '@leuchtturm/shared';
import { Select, Text, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { measureName } from './ApproveModal.tsx';
import { useEndMeasure } from './queries.ts';

const reasonOptions = endReasons.values.map((r) => ({ value: r, label: endReasons.labels[r] }));

/** "Beenden": the day the help ended and why. `current` is the measure as last loaded (its version). */
export function EndMeasureForm({
  measure,
  current,
  opened,
  onClose,
}: {
  measure: Measure;
  current: () => Measure | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const end = useEndMeasure(measure.caseId);
  const form = useFormState({ endOn: todayIso(), endReason: null as string | null });

  function submit() {
    const latest = current() ?? measure;
    // An end before the beginning is refused by the server, under "endOn".
    const valid = form.validate(measureEndSchema, { ...form.values, version: latest.version });
    if (!valid) return;
    end.mutate(
      { id: latest.id, ...valid },
      { onSuccess: onClose, onError: (error) => form.showServerError(error) },
    );
  }

  return (
    <FormModal
      opened={opened}
      title="Hilfe beenden"
      onClose={onClose}
      onSubmit={submit}
      submitting={end.isPending}
      formError={form.formError}
      formRef={form.formRef}
      submitLabel="Beenden"
    >
      <Text>{measureName(measure)}</Text>
      <TextInput
        type="date"
        min={DATE_INPUT_BOUNDS.min}
        max={DATE_INPUT_BOUNDS.max}
        label="Ende"
        description="Der letzte Tag der Hilfe."
        required
        data-autofocus
        value={form.values.endOn}
        onChange={(e) => form.set('endOn', e.currentTarget.value)}
        error={form.errors.endOn}
      />
      <Select
        label="Grund der Beendigung"
        required
        data={reasonOptions}
        value={form.values.endReason}
        onChange={(value) => form.set('endReason', value)}
        error={form.errors.endReason}
        allowDeselect={false}
      />
    </FormModal>
  );
}
