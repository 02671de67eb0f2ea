import { type CaseDetail, closingOutcomes, todayIso, transferCaseInputSchema } from '@leuchtturm/shared';
import { Checkbox, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { StepModalForm } from '../../../app/components/StepModalForm.tsx';
import { useFormState } from '../../../app/form.ts';
import {
  type ClosingChoices,
  ClosingMeasures,
  closingDecisions,
  measuresToDecide,
} from '../../measures/ClosingMeasures.tsx';
import { useCaseMeasures } from '../../measures/queries.ts';
import { useReloadCase } from '../caseQueries.ts';
import { DateField } from '../sections/ui.tsx';
import { useTransferCase } from './handoverQueries.ts';

/**
 * "Abgabe an anderes Jugendamt (§ 86c)": the case is closed here with the transfer record; every running or planned
 * help is decided in the same step, as in the closing form. Confirming is part of the form.
 */
export function TransferDialog({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState(
    {
      receivingOffice: '',
      transferredOn: todayIso(),
      reason: '',
      outcome: null as string | null,
      confirmed: false,
    },
    { draft: `abgabe:${detail.id}` },
  );
  const measures = useCaseMeasures(detail.id);
  const [choices, setChoices] = useState<ClosingChoices>({});
  const toDecide = measuresToDecide(measures.data ?? [], form.values.transferredOn);
  const transfer = useTransferCase(detail.id);
  const reload = useReloadCase(detail.id);
  const v = form.values;
  const toInput = () =>
    form.validate(
      transferCaseInputSchema,
      {
        receivingOffice: v.receivingOffice,
        transferredOn: v.transferredOn,
        reason: v.reason,
        outcome: v.outcome,
        measures: closingDecisions(toDecide, choices),
        version: detail.version,
      },
      { confirmed: v.confirmed ? null : 'Bitte bestätigen Sie die Abgabe und den Abschluss des Falls.' },
    );
  return (
    <StepModalForm
      opened={opened}
      title="Abgabe an anderes Jugendamt (§ 86c)"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={transfer}
      onReload={reload}
      submitLabel="Fall abgeben"
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Der Fall {detail.caseNumber} wird hier abgeschlossen (Grund: Zuständigkeitswechsel). Das
          Übergabepaket für das übernehmende Jugendamt erstellen Sie danach im Bereich „Übergaben“.
        </Text>
        <TextInput
          label="Übernehmendes Jugendamt"
          required
          value={v.receivingOffice}
          onChange={(e) => form.set('receivingOffice', e.currentTarget.value)}
          error={form.errors.receivingOffice}
        />
        <DateField
          label="Tag der Abgabe"
          required
          w={200}
          max={todayIso()}
          value={v.transferredOn}
          onChange={(e) => form.set('transferredOn', e.currentTarget.value)}
          error={form.errors.transferredOn}
        />
        <Textarea
          label="Grund der Abgabe"
          required
          autosize
          minRows={2}
          value={v.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason}
        />
        <Select
          label="Ergebnis bis zur Abgabe"
          required
          data={closingOutcomes.values.map((o) => ({ value: o, label: closingOutcomes.labels[o] }))}
          value={v.outcome}
          onChange={(outcome) => form.set('outcome', outcome)}
          error={form.errors.outcome}
          allowDeselect={false}
        />
        <ClosingMeasures
          toDecide={toDecide}
          closedOn={v.transferredOn}
          choices={choices}
          onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))}
          errors={form.errors}
        />
        <Checkbox
          label="Ich bestätige: Der Fall wird abgegeben und hier abgeschlossen; die Akte kann danach nur noch gelesen werden."
          checked={v.confirmed}
          onChange={(e) => form.set('confirmed', e.currentTarget.checked)}
          error={form.errors.confirmed}
        />
      </Stack>
    </StepModalForm>
  );
}
