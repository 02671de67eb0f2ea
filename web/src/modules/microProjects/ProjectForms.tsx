import {
  commitmentInputSchema,
  type MicroProjectDetail,
  parseMoney,
  participantsInputSchema,
  referralInputSchema,
  referralRoutes,
  reviewInputSchema,
  reviewKinds,
  todayIso,
} from '@leuchtturm/shared';
import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { thisYear } from './labels.ts';
import { useCommitBudget, useRecordParticipants, useRecordReferral, useRecordReview } from './queries.ts';

interface FormProps {
  project: MicroProjectDetail;
  onClose: () => void;
}

const districtOptions = (p: MicroProjectDetail) => p.districts.map((d) => ({ value: d.id, label: d.name }));

/** "Budget zusagen": a project's commitment and spending in a year and one of its districts. */
export function CommitmentForm({ project, onClose }: FormProps) {
  const form = useFormState({
    year: thisYear() as number | string,
    districtId: (project.districts[0]?.id ?? null) as string | null,
    committed: '',
    spent: '0',
  });
  const save = useCommitBudget(project.id);
  const v = form.values;
  function toInput() {
    const committed = parseMoney(v.committed);
    const spent = parseMoney(v.spent);
    const input = { year: v.year, districtId: v.districtId, committed: committed.value, spent: spent.value };
    const valid = form.validate(commitmentInputSchema, input, {
      committed: committed.error,
      spent: spent.error,
    });
    return valid;
  }
  return (
    <StepModalForm
      opened
      title="Budget zusagen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      submitLabel="Zusagen"
    >
      <NumberInput
        label="Haushaltsjahr"
        required
        min={2000}
        max={2200}
        value={v.year}
        onChange={(value) => form.set('year', value)}
        error={form.errors.year}
      />
      <Select
        label="Stadtteil"
        required
        data={districtOptions(project)}
        value={v.districtId}
        onChange={(value) => form.set('districtId', value)}
        error={form.errors.districtId}
      />
      <TextInput
        label="Zugesagt (Euro)"
        required
        data-autofocus
        inputMode="decimal"
        value={v.committed}
        onChange={(e) => form.set('committed', e.currentTarget.value)}
        error={form.errors.committed}
      />
      <TextInput
        label="Davon ausgegeben (Euro)"
        required
        inputMode="decimal"
        value={v.spent}
        onChange={(e) => form.set('spent', e.currentTarget.value)}
        error={form.errors.spent}
      />
    </StepModalForm>
  );
}

/** "Zugang erfassen": who came into the project, through case management or other actors (no names). */
export function ReferralForm({ project, onClose }: FormProps) {
  const form = useFormState({
    referredOn: todayIso(),
    districtId: (project.districts[0]?.id ?? null) as string | null,
    route: 'case_management' as string | null,
    actor: '',
  });
  const save = useRecordReferral(project.id);
  const v = form.values;
  function toInput() {
    const valid = form.validate(referralInputSchema, { ...v, caseId: null });
    return valid;
  }
  return (
    <StepModalForm
      opened
      title="Zugang erfassen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <DateField
        label="Datum"
        required
        value={v.referredOn}
        onChange={(e) => form.set('referredOn', e.currentTarget.value)}
        error={form.errors.referredOn}
      />
      <Select
        label="Stadtteil"
        required
        data={districtOptions(project)}
        value={v.districtId}
        onChange={(value) => form.set('districtId', value)}
        error={form.errors.districtId}
      />
      <Select
        label="Zugang"
        required
        data={referralRoutes.values.map((r) => ({ value: r, label: referralRoutes.labels[r] }))}
        value={v.route}
        onChange={(value) => form.set('route', value)}
        error={form.errors.route}
        allowDeselect={false}
      />
      {v.route === 'andere' && (
        <TextInput
          label="Über wen (Einrichtung)"
          required
          value={v.actor}
          onChange={(e) => form.set('actor', e.currentTarget.value)}
          error={form.errors.actor}
        />
      )}
    </StepModalForm>
  );
}

export function ParticipantsForm({ project, onClose }: FormProps) {
  const today = todayIso();
  const form = useFormState({
    quarter: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`,
    participants: '' as number | string,
  });
  const save = useRecordParticipants(project.id);
  function toInput() {
    const valid = form.validate(participantsInputSchema, form.values);
    return valid;
  }
  return (
    <StepModalForm
      opened
      title="Teilnehmende erfassen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <TextInput
        label="Quartal"
        description="z. B. 2026-Q3"
        required
        value={form.values.quarter}
        onChange={(e) => form.set('quarter', e.currentTarget.value)}
        error={form.errors.quarter}
      />
      <NumberInput
        label="Teilnehmende"
        required
        data-autofocus
        min={0}
        value={form.values.participants}
        onChange={(value) => form.set('participants', value)}
        error={form.errors.participants}
      />
    </StepModalForm>
  );
}

export function ReviewForm({ project, onClose }: FormProps) {
  const form = useFormState(
    { kind: 'qualitaetszirkel' as string | null, heldOn: todayIso(), summary: '' },
    { draft: `mikroprojekt:auswertung:${project.id}` },
  );
  const save = useRecordReview(project.id);
  function toInput() {
    const valid = form.validate(reviewInputSchema, form.values);
    return valid;
  }
  return (
    <StepModalForm
      opened
      title="Qualitätsauswertung erfassen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <Select
        label="Art"
        required
        data={reviewKinds.values.map((k) => ({ value: k, label: reviewKinds.labels[k] }))}
        value={form.values.kind}
        onChange={(value) => form.set('kind', value)}
        error={form.errors.kind}
        allowDeselect={false}
      />
      <DateField
        label="Am"
        required
        value={form.values.heldOn}
        onChange={(e) => form.set('heldOn', e.currentTarget.value)}
        error={form.errors.heldOn}
      />
      <Textarea
        label="Ergebnis"
        required
        autosize
        minRows={3}
        value={form.values.summary}
        onChange={(e) => form.set('summary', e.currentTarget.value)}
        error={form.errors.summary}
      />
    </StepModalForm>
  );
}
