import {
  ageCohorts,
  type ConferenceDetail,
  conferenceInputSchema,
  conferenceItemInputSchema,
  conferenceNeedInputSchema,
  conferenceRegistrationSchema,
  conferenceRubrics,
  conferenceUpdateSchema,
  todayIso,
} from '@leuchtturm/shared';
import { Checkbox, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useDistricts } from '../organisation/queries.ts';
import {
  useAddItem,
  useAddNeed,
  useCreateConference,
  useRegisterCase,
  useUpdateConference,
} from './queries.ts';

/** "Wochenkonferenz anlegen": the team's conference of a day (an existing one of that day is opened). */
export function NewConferenceForm({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const form = useFormState({ heldOn: todayIso() });
  const create = useCreateConference();
  const navigate = useNavigate();
  const mutation = {
    isPending: create.isPending,
    mutateAsync: (
      input: { teamId: string; heldOn: string },
      options: { onSuccess: () => void; onError: (e: unknown) => void },
    ) =>
      create.mutateAsync(input, {
        onSuccess: (created) => {
          options.onSuccess();
          void navigate({ to: '/konferenzen/$conferenceId', params: { conferenceId: created.id } });
        },
        onError: options.onError,
      }),
  };
  return (
    <StepModalForm
      opened
      title="Wochenkonferenz anlegen"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(conferenceInputSchema, { teamId, heldOn: form.values.heldOn })}
      mutation={mutation}
      submitLabel="Anlegen"
    >
      <DateField
        label="Datum"
        required
        data-autofocus
        value={form.values.heldOn}
        onChange={(e) => form.set('heldOn', e.currentTarget.value)}
        error={form.errors.heldOn}
      />
    </StepModalForm>
  );
}

const itemRubrics = ['fallberatung', 'kurzberatung', 'tipps_themen'] as const;

/** "Punkt aufnehmen": a Fallberatung, Kurzberatung or a Tipp/Thema, optionally about a case of the team. */
export function ItemForm({
  conference,
  rubric,
  onClose,
}: {
  conference: ConferenceDetail;
  rubric: (typeof itemRubrics)[number];
  onClose: () => void;
}) {
  const form = useFormState({ title: '', body: '' }, { draft: `conference-item-${conference.id}-${rubric}` });
  const save = useAddItem(conference.id);
  return (
    <StepModalForm
      opened
      title={`Punkt aufnehmen: ${conferenceRubrics.labels[rubric]}`}
      onClose={onClose}
      form={form}
      toInput={() => form.validate(conferenceItemInputSchema, { rubric, ...form.values })}
      mutation={save}
    >
      <TextInput
        label={rubric === 'tipps_themen' ? 'Thema' : 'Frage'}
        required
        data-autofocus
        value={form.values.title}
        onChange={(e) => form.set('title', e.currentTarget.value)}
        error={form.errors.title}
      />
      <Textarea
        label="Notiz"
        autosize
        minRows={3}
        value={form.values.body}
        onChange={(e) => form.set('body', e.currentTarget.value)}
        error={form.errors.body}
      />
    </StepModalForm>
  );
}

/** "Bedarf erfassen" in the Bedarfsrunde: recorded as a need of the district (source Bedarfsrunde). */
export function NeedForm({ conference, onClose }: { conference: ConferenceDetail; onClose: () => void }) {
  const districts = useDistricts();
  const form = useFormState(
    { districtId: null as string | null, ageCohort: null as string | null, text: '' },
    { draft: `conference-need-${conference.id}` },
  );
  const save = useAddNeed(conference.id);
  return (
    <StepModalForm
      opened
      title="Bedarf aus der Bedarfsrunde erfassen"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(conferenceNeedInputSchema, form.values)}
      mutation={save}
      submitLabel="Bedarf erfassen"
    >
      <TextInput
        label="Bedarf"
        required
        data-autofocus
        value={form.values.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={form.errors.text}
      />
      <Select
        label="Altersgruppe"
        required
        data={ageCohorts.values.map((value) => ({ value, label: ageCohorts.labels[value] }))}
        value={form.values.ageCohort}
        onChange={(value) => form.set('ageCohort', value)}
        error={form.errors.ageCohort}
      />
      <Select
        label="Stadtteil"
        required
        searchable
        data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={form.values.districtId}
        onChange={(value) => form.set('districtId', value)}
        error={form.errors.districtId}
      />
    </StepModalForm>
  );
}

/** "Protokoll und Anwesenheit". */
export function MinutesForm({ conference, onClose }: { conference: ConferenceDetail; onClose: () => void }) {
  const form = useFormState({
    minutes: conference.minutes,
    attendeeIds: conference.members.filter((m) => m.present).map((m) => m.id),
  });
  const save = useUpdateConference(conference.id);
  const toggle = (id: string, on: boolean) =>
    form.set(
      'attendeeIds',
      on ? [...form.values.attendeeIds, id] : form.values.attendeeIds.filter((a) => a !== id),
    );
  return (
    <StepModalForm
      opened
      title="Protokoll und Anwesenheit"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(conferenceUpdateSchema, { ...form.values, version: conference.version })}
      mutation={save}
    >
      <Stack gap={4} role="group" aria-label="Anwesend">
        {conference.members.map((m) => (
          <Checkbox
            key={m.id}
            label={m.name}
            checked={form.values.attendeeIds.includes(m.id)}
            onChange={(e) => toggle(m.id, e.currentTarget.checked)}
          />
        ))}
      </Stack>
      <Textarea
        label="Protokoll"
        autosize
        minRows={5}
        value={form.values.minutes}
        onChange={(e) => form.set('minutes', e.currentTarget.value)}
        error={form.errors.minutes}
      />
    </StepModalForm>
  );
}

/** From the case page: the case for the team's next Wochenkonferenz, as a Fallberatung or Kurzberatung. */
export function RegisterCaseForm({
  caseId,
  onClose,
  onRegistered,
}: {
  caseId: string;
  onClose: () => void;
  onRegistered: (heldOn: string) => void;
}) {
  const form = useFormState(
    { rubric: 'fallberatung' as string | null, question: '' },
    { draft: `conference-registration-${caseId}` },
  );
  const register = useRegisterCase(caseId);
  const mutation = {
    isPending: register.isPending,
    mutateAsync: (
      input: { rubric: 'fallberatung' | 'kurzberatung'; question: string },
      options: { onSuccess: () => void; onError: (e: unknown) => void },
    ) =>
      register.mutateAsync(input, {
        onSuccess: (result) => {
          options.onSuccess();
          onRegistered(result.heldOn);
        },
        onError: options.onError,
      }),
  };
  return (
    <StepModalForm
      opened
      title="Zur Wochenkonferenz anmelden"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(conferenceRegistrationSchema, form.values)}
      mutation={mutation}
      submitLabel="Anmelden"
    >
      <Select
        label="Rubrik"
        required
        allowDeselect={false}
        data={[
          { value: 'fallberatung', label: conferenceRubrics.labels.fallberatung },
          { value: 'kurzberatung', label: conferenceRubrics.labels.kurzberatung },
        ]}
        value={form.values.rubric}
        onChange={(value) => form.set('rubric', value)}
        error={form.errors.rubric}
      />
      <TextInput
        label="Frage an das Team"
        required
        data-autofocus
        value={form.values.question}
        onChange={(e) => form.set('question', e.currentTarget.value)}
        error={form.errors.question}
      />
    </StepModalForm>
  );
}
