import { type Measure, measureWithdrawSchema } from '@leuchtturm/shared';
import { Text, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { measureName } from './ApproveModal.tsx';
import { useWithdrawMeasure } from './queries.ts';

/**
 * Asks before withdrawing a planned measure, and why: it was never approved, and stays in the case file as
 * withdrawn with its reason.
 */
export function WithdrawModal({
  measure,
  opened,
  onClose,
}: {
  measure: Measure | null;
  opened: boolean;
  onClose: () => void;
}) {
  const withdraw = useWithdrawMeasure();
  const form = useFormState({ reason: '' });

  function submit() {
    if (!measure) return;
    // useWithdrawMeasure sends the version last loaded; the schema checks the reason.
    const valid = form.validate(measureWithdrawSchema, {
      reason: form.values.reason,
      version: measure.version,
    });
    if (!valid) return;
    withdraw.mutate(
      { measure, reason: valid.reason },
      { onSuccess: onClose, onError: (error) => form.showServerError(error) },
    );
  }

  return (
    <FormModal
      opened={opened}
      title="Hilfe zurückziehen?"
      onClose={onClose}
      onSubmit={submit}
      submitting={withdraw.isPending}
      formError={form.formError}
      formRef={form.formRef}
      submitLabel="Zurückziehen"
    >
      {measure && (
        <>
          <Text>{measureName(measure)}.</Text>
          <Text>
            Die Hilfe ist noch nicht bewilligt. Zurückgezogen wird sie nicht bewilligt, kostet nichts und
            bleibt mit dem Grund als „zurückgezogen“ in der Fallakte.
          </Text>
          <TextInput
            label="Grund"
            description="z. B. Familie lehnt die Hilfe ab, andere Hilfe gewählt"
            required
            data-autofocus
            maxLength={300}
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.errors.reason}
          />
        </>
      )}
    </FormModal>
  );
}
