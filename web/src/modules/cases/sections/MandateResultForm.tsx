import {
  type CaseDetail,
  formatDateDe,
  mandateKinds,
  mandateResultInputSchema,
  mandateResults,
} from '@leuchtturm/shared';
import { Select, Text, Textarea } from '@mantine/core';
import { StepModalForm } from '../../../app/components/StepModalForm.tsx';
import { useFormState } from '../../../app/form.ts';
import { useReloadCase, useSaveMandateResult } from '../caseQueries.ts';
import { emptyToNull } from './ui.tsx';

type Mandate = CaseDetail['mandates'][number];

/** The result of an Auftrag or Auflage (erfüllt, teilweise, nicht erfüllt) and its consequence. */
export function MandateResultForm({
  caseId,
  mandate,
  opened,
  onClose,
}: {
  caseId: string;
  mandate: Mandate;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState(
    {
      result: mandate.result as string | null,
      consequence: mandate.consequence ?? '',
    },
    { draft: `auftrag:ergebnis:${mandate.id}` },
  );
  const reload = useReloadCase(caseId);
  const save = useSaveMandateResult(caseId, mandate.id);

  const toInput = () =>
    form.validate(mandateResultInputSchema, {
      result: form.values.result,
      consequence: emptyToNull(form.values.consequence),
      version: mandate.version,
    });

  return (
    <StepModalForm
      opened={opened}
      title={`Ergebnis: ${mandateKinds.labels[mandate.kind]} bis ${formatDateDe(mandate.dueOn)}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
    >
      <Text size="sm" className="pre-wrap">
        {mandate.text}
      </Text>
      <Select
        label="Ergebnis"
        required
        data-autofocus
        data={mandateResults.values.map((r) => ({ value: r, label: mandateResults.labels[r] }))}
        value={form.values.result}
        onChange={(value) => form.set('result', value)}
        error={form.errors.result}
        allowDeselect={false}
      />
      <Textarea
        label="Konsequenz"
        autosize
        minRows={2}
        value={form.values.consequence}
        onChange={(e) => form.set('consequence', e.currentTarget.value)}
        error={form.errors.consequence}
      />
    </StepModalForm>
  );
}
