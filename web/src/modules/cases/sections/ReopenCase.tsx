import { type CaseDetail, reopenCaseInputSchema } from '@leuchtturm/shared';
import { Button, Text, Textarea } from '@mantine/core';
import { StepModalForm } from '../../../app/components/StepModalForm.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { useFormState } from '../../../app/form.ts';
import { useReloadCase, useReopenCase } from '../caseQueries.ts';

/**
 * Wiederaufnahme: "Fall wieder aufnehmen" on a closed case, for those the server allows (detail.mayReopen). The
 * dialog asking for the reason is the confirmation; the reason is kept as a draft until the case is reopened.
 */
export function ReopenCase({ detail }: { detail: CaseDetail }) {
  const dialog = useModalState<true>();
  if (!detail.mayReopen) return null;
  return (
    <>
      <Button variant="default" onClick={() => dialog.open(true)} w="fit-content">
        Fall wieder aufnehmen
      </Button>
      {dialog.value && (
        <ReopenDialog key={dialog.key} detail={detail} opened={dialog.opened} onClose={dialog.close} />
      )}
    </>
  );
}

function ReopenDialog({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({ reason: '' }, { draft: `wiederaufnahme:${detail.id}` });
  const reload = useReloadCase(detail.id);
  const reopen = useReopenCase(detail.id);
  const toInput = () =>
    form.validate(reopenCaseInputSchema, { reason: form.values.reason, version: detail.version });
  return (
    <StepModalForm
      opened={opened}
      title="Fall wieder aufnehmen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={reopen}
      onReload={reload}
      submitLabel="Fall wieder aufnehmen"
    >
      <Text size="sm">
        {detail.household.name} · {detail.caseNumber} wird wieder geöffnet und kann bearbeitet werden. Der
        bisherige Abschluss bleibt im Verlauf erhalten.
      </Text>
      <Textarea
        label="Grund der Wiederaufnahme"
        required
        data-autofocus
        autosize
        minRows={3}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        error={form.errors.reason}
      />
    </StepModalForm>
  );
}
