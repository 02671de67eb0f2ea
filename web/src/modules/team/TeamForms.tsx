import {
  expertiseInputSchema,
  type KnowledgePage,
  knowledgeInputSchema,
  knowledgeKinds,
  knowledgeUpdateSchema,
  specialisationLabels,
  specialisations,
  TRAINING_MODULES,
  type TrainingOverview,
  todayIso,
  trainingInputSchema,
  trainingModules,
} from '@leuchtturm/shared';
import { MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useSaveKnowledge, useSetExpertise, useSetTraining } from './queries.ts';

type People = TrainingOverview['people'];
const personOptions = (people: People) => people.map((p) => ({ value: p.id, label: p.name }));

/** "Fachgebiete pflegen": the topics a person of the team is the expert for. */
export function ExpertiseForm({ people, onClose }: { people: People; onClose: () => void }) {
  const form = useFormState({ userId: null as string | null, topics: [] as string[] });
  const save = useSetExpertise();
  return (
    <StepModalForm
      opened
      title="Fachgebiete pflegen"
      onClose={onClose}
      form={form}
      toInput={() => {
        const valid = form.validate(
          expertiseInputSchema,
          { topics: form.values.topics },
          {
            userId: form.values.userId ? null : 'Bitte eine Person wählen.',
          },
        );
        return valid && form.values.userId ? { userId: form.values.userId, topics: valid.topics } : null;
      }}
      mutation={save}
    >
      <Select
        label="Person"
        required
        data={personOptions(people)}
        value={form.values.userId}
        onChange={(value) => form.set('userId', value)}
        error={form.errors.userId}
      />
      <MultiSelect
        label="Fachgebiete"
        data={specialisations.map((value) => ({ value, label: specialisationLabels[value] }))}
        value={form.values.topics}
        onChange={(value) => form.set('topics', value)}
        error={form.errors.topics}
      />
    </StepModalForm>
  );
}

/** "Qualifizierung eintragen": one module of one person as done (with the day), planned (year) or open. */
export function TrainingForm({ people, onClose }: { people: People; onClose: () => void }) {
  const form = useFormState({
    userId: null as string | null,
    module: '1' as string | null,
    status: 'done' as string | null,
    doneOn: todayIso(),
    plannedYear: (new Date().getFullYear() + 1) as number | string,
  });
  const save = useSetTraining();
  const v = form.values;
  return (
    <StepModalForm
      opened
      title="Qualifizierung eintragen"
      onClose={onClose}
      form={form}
      toInput={() => {
        const status =
          v.status === 'done'
            ? { status: 'done', doneOn: v.doneOn }
            : v.status === 'planned'
              ? { status: 'planned', plannedYear: v.plannedYear }
              : { status: v.status };
        const valid = form.validate(trainingInputSchema, status, {
          userId: v.userId ? null : 'Bitte eine Person wählen.',
        });
        return valid && v.userId ? { userId: v.userId, module: Number(v.module), status: valid } : null;
      }}
      mutation={save}
    >
      <Select
        label="Person"
        required
        data={personOptions(people)}
        value={v.userId}
        onChange={(value) => form.set('userId', value)}
        error={form.errors.userId}
      />
      <Select
        label="Modul"
        required
        allowDeselect={false}
        data={TRAINING_MODULES.map((m) => ({ value: String(m), label: `${m}. ${trainingModules[m]}` }))}
        value={v.module}
        onChange={(value) => form.set('module', value)}
      />
      <Select
        label="Stand"
        required
        allowDeselect={false}
        data={[
          { value: 'done', label: 'abgeschlossen' },
          { value: 'planned', label: 'geplant' },
          { value: 'open', label: 'offen' },
        ]}
        value={v.status}
        onChange={(value) => form.set('status', value)}
        error={form.errors.status}
      />
      {v.status === 'done' && (
        <DateField
          label="Abgeschlossen am"
          required
          value={v.doneOn}
          onChange={(e) => form.set('doneOn', e.currentTarget.value)}
          error={form.errors.doneOn}
        />
      )}
      {v.status === 'planned' && (
        <NumberInput
          label="Geplant für das Jahr"
          required
          min={2000}
          max={2100}
          value={v.plannedYear}
          onChange={(value) => form.set('plannedYear', value)}
          error={form.errors.plannedYear}
        />
      )}
    </StepModalForm>
  );
}

/** A page of the knowledge base, new or changed: Markdown text. */
export function KnowledgeForm({
  page,
  onClose,
  onSaved,
}: {
  page: KnowledgePage | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const form = useFormState(
    {
      kind: (page?.kind ?? 'arbeitshilfe') as string | null,
      title: page?.title ?? '',
      body: page?.body ?? '',
    },
    { draft: `knowledge-${page?.id ?? 'new'}` },
  );
  const save = useSaveKnowledge(page?.id ?? null);
  const mutation = {
    isPending: save.isPending,
    mutateAsync: (
      input: Parameters<typeof save.mutateAsync>[0],
      options: { onSuccess: () => void; onError: (e: unknown) => void },
    ) =>
      save.mutateAsync(input, {
        onSuccess: (result) => {
          options.onSuccess();
          onSaved?.(result.id);
        },
        onError: options.onError,
      }),
  };
  return (
    <StepModalForm
      opened
      title={page ? 'Seite ändern' : 'Neue Seite'}
      onClose={onClose}
      form={form}
      toInput={() =>
        page
          ? form.validate(knowledgeUpdateSchema, { ...form.values, version: page.version })
          : form.validate(knowledgeInputSchema, form.values)
      }
      mutation={mutation}
      size="lg"
    >
      <Select
        label="Art"
        required
        allowDeselect={false}
        data={knowledgeKinds.values.map((value) => ({ value, label: knowledgeKinds.labels[value] }))}
        value={form.values.kind}
        onChange={(value) => form.set('kind', value)}
        error={form.errors.kind}
      />
      <TextInput
        label="Titel"
        required
        data-autofocus
        value={form.values.title}
        onChange={(e) => form.set('title', e.currentTarget.value)}
        error={form.errors.title}
      />
      <Textarea
        label="Text (Markdown)"
        description="# Überschrift, - Aufzählung, **fett**, *kursiv*, [Link](https://…)"
        required
        autosize
        minRows={10}
        value={form.values.body}
        onChange={(e) => form.set('body', e.currentTarget.value)}
        error={form.errors.body}
      />
    </StepModalForm>
  );
}
