import {
  cpAssessmentInputSchema,
  cpUrgencies,
  cpUrgencyInputSchema,
  cpVisitInputSchema,
  cpVisitKinds,
  cpVisitStatuses,
} from '@leuchtturm/shared';
import { Group, MultiSelect, Select, Textarea } from '@mantine/core';
import { useUser } from '../../app/auth.ts';
import { berlinLocalToInstant, instantToBerlinLocal } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { emptyToNull, staffOptions } from '../cases/sections/ui.tsx';
import { FieldHint } from '../help/FieldHint.tsx';
import { useStaff } from '../organisation/queries.ts';
import { CheckStepModal, type StepFormProps } from './CheckStepModal.tsx';
import { DateTimeField, options, RadioChoice, yesNo } from './ui.tsx';

/** The step forms of a check: Ersteinschätzung, Gefährdungseinschätzung and Inaugenscheinnahme. */

const localOrNow = (instant: string | null | undefined) => instantToBerlinLocal(instant ?? new Date());

export function UrgencyForm(props: StepFormProps) {
  const { check } = props;
  const form = useFormState(
    {
      urgency: check.urgency as string | null,
      decidedAt: localOrNow(check.urgencyDecidedAt),
      reason: check.urgencyReason ?? '',
    },
    { draft: `kinderschutz:dringlichkeit:${check.id}` },
  );

  const toInput = () =>
    form.validate(cpUrgencyInputSchema, {
      urgency: form.values.urgency,
      decidedAt: berlinLocalToInstant(form.values.decidedAt),
      reason: emptyToNull(form.values.reason),
      version: check.version,
    });

  return (
    <CheckStepModal
      {...props}
      step="urgency"
      title="Ersteinschätzung: Wie dringend?"
      size="lg"
      form={form}
      toInput={toInput}
    >
      <RadioChoice
        label="Dringlichkeit"
        description={<FieldHint hint="dringlichkeit" />}
        required
        data={options(cpUrgencies)}
        value={form.values.urgency}
        onChange={(value) => form.set('urgency', value)}
        error={form.errors.urgency}
      />
      <DateTimeField
        label="Entschieden am"
        required
        value={form.values.decidedAt}
        onChange={(e) => form.set('decidedAt', e.currentTarget.value)}
        error={form.errors.decidedAt}
      />
      <Textarea
        label="Begründung"
        description="optional"
        autosize
        minRows={2}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        error={form.errors.reason}
      />
    </CheckStepModal>
  );
}

export function AssessmentForm(props: StepFormProps) {
  const { check } = props;
  const user = useUser();
  const staff = useStaff({}, { activeOnly: true });
  const form = useFormState(
    {
      heldAt: localOrNow(check.assessment?.heldAt),
      participantIds: check.assessment?.participants.map((p) => p.id) ?? [user.id],
      facts: check.assessment?.facts ?? '',
      riskFactors: check.assessment?.riskFactors ?? '',
      protectiveFactors: check.assessment?.protectiveFactors ?? '',
    },
    { draft: `kinderschutz:einschaetzung:${check.id}` },
  );
  const choices = staffOptions(staff.data);
  for (const p of check.assessment?.participants ?? [{ id: user.id, name: user.displayName }]) {
    if (!choices.some((o) => o.value === p.id)) choices.unshift({ value: p.id, label: p.name });
  }

  const toInput = () =>
    form.validate(cpAssessmentInputSchema, {
      ...form.values,
      heldAt: berlinLocalToInstant(form.values.heldAt),
      version: check.version,
    });

  const text = (key: 'facts' | 'riskFactors' | 'protectiveFactors', label: string, description: string) => (
    <Textarea
      label={label}
      description={description}
      required
      autosize
      minRows={3}
      value={form.values[key]}
      onChange={(e) => form.set(key, e.currentTarget.value)}
      error={form.errors[key]}
    />
  );
  return (
    <CheckStepModal
      {...props}
      step="assessment"
      title="Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte"
      size="xl"
      form={form}
      toInput={toInput}
    >
      <Group grow align="flex-start">
        <DateTimeField
          label="Durchgeführt am"
          required
          value={form.values.heldAt}
          onChange={(e) => form.set('heldAt', e.currentTarget.value)}
          error={form.errors.heldAt}
        />
        <MultiSelect
          label="Beteiligte Fachkräfte"
          description="Mindestens zwei Fachkräfte."
          required
          data={choices}
          value={form.values.participantIds}
          onChange={(value) => form.set('participantIds', value)}
          error={form.errors.participantIds}
          searchable
        />
      </Group>
      {text('facts', 'Sachverhalt', 'Was ist bekannt, woher, seit wann?')}
      {text('riskFactors', 'Risikofaktoren', 'Was spricht für eine Gefährdung?')}
      {text('protectiveFactors', 'Schutzfaktoren', 'Was schützt das Kind, welche Ressourcen gibt es?')}
    </CheckStepModal>
  );
}

export function VisitForm(props: StepFormProps) {
  const { check } = props;
  const form = useFormState(
    {
      status: (check.visit?.status ?? null) as string | null,
      at: localOrNow(check.visit?.at),
      kind: (check.visit?.kind ?? 'hausbesuch') as string | null,
      childSeen: check.visit?.childSeen === false ? 'nein' : 'ja',
      findings: check.visit?.findings ?? '',
      reason: check.visit?.reason ?? '',
    },
    { draft: `kinderschutz:hausbesuch:${check.id}` },
  );
  const done = form.values.status === 'durchgefuehrt';

  const toInput = () =>
    form.validate(cpVisitInputSchema, {
      status: form.values.status,
      at: done ? berlinLocalToInstant(form.values.at) : null,
      kind: done ? form.values.kind : null,
      childSeen: done ? form.values.childSeen === 'ja' : null,
      findings: done ? emptyToNull(form.values.findings) : null,
      reason: done ? null : form.values.reason,
      version: check.version,
    });

  return (
    <CheckStepModal
      {...props}
      step="visit"
      title="Inaugenscheinnahme"
      size="lg"
      form={form}
      toInput={toInput}
    >
      <RadioChoice
        label="Wurde sich ein unmittelbarer Eindruck vom Kind verschafft?"
        description={<FieldHint hint="inaugenscheinnahme" />}
        required
        data={options(cpVisitStatuses)}
        inline
        value={form.values.status}
        onChange={(value) => form.set('status', value)}
        error={form.errors.status}
      />
      {done ? (
        <>
          <Group grow align="flex-start">
            <DateTimeField
              label="Wann"
              required
              value={form.values.at}
              onChange={(e) => form.set('at', e.currentTarget.value)}
              error={form.errors.at}
            />
            <Select
              label="Wie"
              required
              data={options(cpVisitKinds)}
              value={form.values.kind}
              onChange={(value) => form.set('kind', value)}
              error={form.errors.kind}
              allowDeselect={false}
            />
          </Group>
          <RadioChoice
            label="Wurde das Kind gesehen?"
            required
            data={yesNo}
            inline
            value={form.values.childSeen}
            onChange={(value) => form.set('childSeen', value)}
            error={form.errors.childSeen}
          />
          <Textarea
            label="Eindruck und Beobachtungen"
            description="optional"
            autosize
            minRows={3}
            value={form.values.findings}
            onChange={(e) => form.set('findings', e.currentTarget.value)}
            error={form.errors.findings}
          />
        </>
      ) : form.values.status === 'nicht_erforderlich' ? (
        <Textarea
          label="Warum ist keine Inaugenscheinnahme nötig?"
          required
          autosize
          minRows={3}
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason}
        />
      ) : null}
    </CheckStepModal>
  );
}
