import {
  type CaseDetail,
  caseReportInputSchema,
  recipientKinds,
  transmissionBasisSchema,
} from '@leuchtturm/shared';
import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { StepModalForm } from '../../../app/components/StepModalForm.tsx';
import { useFormState } from '../../../app/form.ts';
import { type BasisDraft, BasisFields, basisBody, emptyBasis } from './BasisFields.tsx';
import { useCaseReport, useHandoverPackage } from './handoverQueries.ts';

/** "Bericht erstellen": a report for the family court, a provider or another office, on a consent or a legal basis. */
export function ReportDialog({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({
    recipientKind: null as string | null,
    recipient: '',
    purpose: '',
    basis: emptyBasis,
  });
  const report = useCaseReport(detail.id, detail.caseNumber);
  const v = form.values;
  const toInput = () =>
    form.validate(caseReportInputSchema, {
      recipientKind: v.recipientKind,
      recipient: v.recipient,
      purpose: v.purpose,
      ...basisBody(v.basis),
    });
  return (
    <StepModalForm
      opened={opened}
      title="Bericht für eine Stelle erstellen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={report}
      submitLabel="Bericht erstellen (PDF)"
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Der Bericht wird nur mit einer gültigen Schweigepflichtentbindung oder einer Rechtsgrundlage
          erstellt und als Übermittlung im Fall vermerkt.
        </Text>
        <Select
          label="Art der Stelle"
          required
          data={recipientKinds.values.map((k) => ({ value: k, label: recipientKinds.labels[k] }))}
          value={v.recipientKind}
          onChange={(recipientKind) => form.set('recipientKind', recipientKind)}
          error={form.errors.recipientKind}
          allowDeselect={false}
        />
        <TextInput
          label="Empfänger"
          required
          value={v.recipient}
          onChange={(e) => form.set('recipient', e.currentTarget.value)}
          error={form.errors.recipient}
        />
        <Textarea
          label="Zweck"
          autosize
          minRows={2}
          value={v.purpose}
          onChange={(e) => form.set('purpose', e.currentTarget.value)}
          error={form.errors.purpose}
        />
        <BasisFields
          detail={detail}
          value={v.basis}
          errors={form.errors}
          onChange={(basis) => form.set('basis', basis)}
        />
      </Stack>
    </StepModalForm>
  );
}

/** "Übergabepaket erstellen" (§ 86c): the file as PDF for the receiving office, on a consent or a legal basis. */
export function HandoverPackageDialog({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({ basis: { ...emptyBasis, kind: 'law', legalBasis: 'sgb8_86c' } as BasisDraft });
  const pkg = useHandoverPackage(detail.id, detail.caseNumber);
  const toInput = () => form.validate(transmissionBasisSchema, basisBody(form.values.basis));
  return (
    <StepModalForm
      opened={opened}
      title="Übergabepaket erstellen (§ 86c)"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={pkg}
      submitLabel="Übergabepaket erstellen (PDF)"
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Die Fallakte als PDF für das übernehmende Jugendamt. Die Übermittlung wird im Fall vermerkt.
        </Text>
        <BasisFields
          detail={detail}
          value={form.values.basis}
          errors={form.errors}
          onChange={(basis) => form.set('basis', basis)}
        />
      </Stack>
    </StepModalForm>
  );
}
