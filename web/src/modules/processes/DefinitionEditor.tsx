import {
  type DeadlineUnit,
  deadlineUnitLabels,
  deadlineUnits,
  type ProcessDefinition,
  processDefinitionInputSchema,
  type Role,
  roleLabels,
  roles,
} from '@leuchtturm/shared';
import { Fieldset, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { useCreateDefinitionVersion } from './queries.ts';

/** A step as the form holds it: shaped like the API's, so that a message's path names the field that shows it. */
interface StepDraft {
  title: string;
  role: string | null;
  deadline: { unit: string | null; amount: string } | null;
  checklist: string;
  documents: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * "Neue Version": titles, responsible roles, deadline lengths, checklists and documents of the steps. Order, keys,
 * where a deadline starts and what completes a step stay as they are (the API takes those too). The server checks
 * the whole definition again; its messages land under the field they name ("steps.2.deadline.amount").
 */
export function DefinitionEditor({
  definition,
  opened,
  onClose,
}: {
  definition: ProcessDefinition;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState(
    {
      name: definition.name,
      steps: definition.steps.map(
        (s): StepDraft => ({
          title: s.title,
          role: s.role,
          deadline: s.deadline ? { unit: s.deadline.unit, amount: String(s.deadline.amount) } : null,
          checklist: s.checklist.join('\n'),
          documents: s.documents.join('\n'),
        }),
      ),
    },
    { draft: `prozessdefinition:${definition.key}:${definition.version}` },
  );
  const save = useCreateDefinitionVersion(definition.key);

  function setStep(index: number, change: Partial<StepDraft>) {
    form.set(
      'steps',
      form.values.steps.map((s, i) => (i === index ? { ...s, ...change } : s)),
    );
  }

  function submit() {
    const extra: Record<string, string> = {};
    const steps = definition.steps.map((original, i) => {
      const draft = form.values.steps[i] as StepDraft;
      const typed = draft.deadline?.amount.trim() ?? '';
      if (original.deadline && !/^-?\d+$/.test(typed))
        extra[`steps.${i}.deadline.amount`] = 'Bitte eine ganze Zahl angeben.';
      return {
        ...original,
        title: draft.title,
        role: draft.role,
        deadline: original.deadline
          ? { ...original.deadline, unit: draft.deadline?.unit, amount: Number(typed) }
          : null,
        checklist: lines(draft.checklist),
        documents: lines(draft.documents),
      };
    });
    const input = form.validate(
      processDefinitionInputSchema,
      { name: form.values.name, basedOnVersion: definition.version, steps },
      extra,
    );
    if (!input) return;
    form.send(
      save.mutateAsync(input, { onSuccess: onClose, onError: (error) => form.showServerError(error) }),
    );
  }

  return (
    <FormModal
      opened={opened}
      title={`Neue Version: ${definition.name}`}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel={`Version ${definition.version + 1} speichern`}
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
      size="xl"
    >
      <Text size="sm">
        Die neue Version gilt für Prozesse, die ab jetzt starten; laufende behalten Version{' '}
        {definition.version}.
      </Text>
      <TextInput
        label="Name"
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      {form.values.steps.map((step, i) => {
        const original = definition.steps[i];
        const path = `steps.${i}`;
        return (
          <Fieldset key={original?.key ?? i} legend={`Schritt ${i + 1}: ${original?.title ?? ''}`}>
            <Stack gap="sm">
              <TextInput
                label="Titel"
                required
                value={step.title}
                onChange={(e) => setStep(i, { title: e.currentTarget.value })}
                error={form.errors[`${path}.title`]}
              />
              <Select
                label="Zuständig"
                required
                data={roles.map((r: Role) => ({ value: r, label: roleLabels[r] }))}
                value={step.role}
                onChange={(value) => setStep(i, { role: value })}
                error={form.errors[`${path}.role`]}
                allowDeselect={false}
              />
              {step.deadline ? (
                <Group grow align="flex-start">
                  <TextInput
                    label="Frist"
                    required
                    inputMode="numeric"
                    value={step.deadline.amount}
                    onChange={(e) =>
                      setStep(i, {
                        deadline: { unit: step.deadline?.unit ?? null, amount: e.currentTarget.value },
                      })
                    }
                    error={form.errors[`${path}.deadline.amount`]}
                  />
                  <Select
                    label="Einheit der Frist"
                    required
                    data={deadlineUnits.map((u: DeadlineUnit) => ({
                      value: u,
                      label: deadlineUnitLabels[u].many,
                    }))}
                    value={step.deadline.unit}
                    onChange={(value) =>
                      setStep(i, { deadline: { unit: value, amount: step.deadline?.amount ?? '' } })
                    }
                    error={form.errors[`${path}.deadline.unit`]}
                    allowDeselect={false}
                  />
                </Group>
              ) : (
                <Text size="sm">Dieser Schritt hat keine eigene Frist.</Text>
              )}
              <Textarea
                label="Checkliste"
                description="Ein Punkt je Zeile."
                autosize
                minRows={2}
                value={step.checklist}
                onChange={(e) => setStep(i, { checklist: e.currentTarget.value })}
                error={form.errors[`${path}.checklist`]}
              />
              <Textarea
                label="Dokumente"
                description="Ein Dokument je Zeile."
                autosize
                minRows={1}
                value={step.documents}
                onChange={(e) => setStep(i, { documents: e.currentTarget.value })}
                error={form.errors[`${path}.documents`]}
              />
            </Stack>
          </Fieldset>
        );
      })}
    </FormModal>
  );
}
