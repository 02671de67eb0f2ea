import {
  type ProcessInstance,
  type ProcessStep,
  processCancelInputSchema,
  processStepUpdateSchema,
  processUrgencies,
} from '@leuchtturm/shared';
import { Select, Text, Textarea } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { useCancelProcess, useUpdateProcessStep } from './queries.ts';

interface StepDialogProps {
  caseId: string;
  step: ProcessStep;
  opened: boolean;
  onClose: () => void;
}

/** "Überspringen": a step is skipped only with a reason, which stays with the step. */
export function SkipStepModal({ caseId, step, opened, onClose }: StepDialogProps) {
  const form = useFormState({ reason: '' }, { draft: `prozess:ueberspringen:${step.id}` });
  const save = useUpdateProcessStep(caseId);
  function toInput() {
    const input = form.validate(processStepUpdateSchema, {
      state: 'uebersprungen',
      reason: form.values.reason,
      version: step.version,
    });
    return input && { ...input, stepId: step.id };
  }
  return (
    <StepModalForm
      opened={opened}
      title={`Überspringen: ${step.title}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      submitLabel="Schritt überspringen"
    >
      <Textarea
        label="Begründung"
        description="Warum ist dieser Schritt in diesem Fall nicht nötig? Die Begründung bleibt beim Schritt."
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

/** "Erledigt" for the step that records the urgency (the Ersteinschätzung): the urgency sets the next deadlines. */
export function CompleteWithUrgencyModal({ caseId, step, opened, onClose }: StepDialogProps) {
  const form = useFormState({ urgency: null as string | null });
  const save = useUpdateProcessStep(caseId);
  function toInput() {
    const input = form.validate(processStepUpdateSchema, {
      state: 'erledigt',
      urgency: form.values.urgency,
      version: step.version,
    });
    if (!input) return null;
    if (input.state === 'erledigt' && !input.urgency) {
      form.check({ urgency: 'Bitte eine Dringlichkeit wählen.' });
      return null;
    }
    return { ...input, stepId: step.id };
  }
  return (
    <StepModalForm
      opened={opened}
      title={`Erledigt: ${step.title}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      submitLabel="Als erledigt speichern"
    >
      <Text size="sm">Die Dringlichkeit bestimmt die Fristen der folgenden Schritte.</Text>
      <Select
        label="Dringlichkeit"
        required
        data-autofocus
        data={processUrgencies.values.map((u) => ({ value: u, label: processUrgencies.labels[u] }))}
        value={form.values.urgency}
        onChange={(value) => form.set('urgency', value)}
        error={form.errors.urgency}
        allowDeselect={false}
      />
    </StepModalForm>
  );
}

/** "Prozess abbrechen": with a reason; the open steps are skipped with it. */
export function CancelProcessModal({
  caseId,
  instance,
  opened,
  onClose,
}: {
  caseId: string;
  instance: ProcessInstance;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({ reason: '' }, { draft: `prozess:abbrechen:${instance.id}` });
  const cancel = useCancelProcess(caseId);
  function toInput() {
    const input = form.validate(processCancelInputSchema, {
      reason: form.values.reason,
      version: instance.version,
    });
    return input && { ...input, instanceId: instance.id };
  }
  return (
    <StepModalForm
      opened={opened}
      title={`Abbrechen: ${instance.definition.name}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={cancel}
      submitLabel="Prozess abbrechen"
    >
      <Textarea
        label="Begründung"
        description="Die offenen Schritte werden mit dieser Begründung übersprungen."
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
