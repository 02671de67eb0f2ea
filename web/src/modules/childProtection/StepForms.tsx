import {
  type CpCheck,
  cpAssessmentInputSchema,
  cpUrgencies,
  cpUrgencyInputSchema,
  cpVisitInputSchema,
  cpVisitKinds,
  cpVisitStatuses,
} from '@leuchtturm/shared';
import { Group, MultiSelect, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useUser } from '../../app/auth.ts';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { berlinLocalToInstant, instantToBerlinLocal } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { useReloadCase } from '../cases/caseQueries.ts';
import { emptyToNull, staffOptions } from '../cases/sections/ui.tsx';
import { FieldHint } from '../help/FieldHint.tsx';
import { useStaff } from '../organisation/queries.ts';
import { useSaveStep } from './queries.ts';
import { DateTimeField, options } from './ui.tsx';

/** The step forms of a check: Ersteinschätzung, Gefährdungseinschätzung and Inaugenscheinnahme. */
export interface StepFormProps {
  caseId: string;
  check: CpCheck;
  opened: boolean;
  onClose: () => void;
}

const localOrNow = (instant: string | null | undefined) => instantToBerlinLocal(instant ?? new Date());

export function UrgencyForm({ caseId, check, opened, onClose }: StepFormProps) {
  const form = useFormState(
    {
      urgency: check.urgency as string | null,
      decidedAt: localOrNow(check.urgencyDecidedAt),
      reason: check.urgencyReason ?? '',
    },
    { draft: `kinderschutz:dringlichkeit:${check.id}` },
  );
  const save = useSaveStep(caseId, check.id, 'urgency');
  const reload = useReloadCase(caseId);

  const toInput = () =>
    form.validate(cpUrgencyInputSchema, {
      urgency: form.values.urgency,
      decidedAt: berlinLocalToInstant(form.values.decidedAt),
      reason: emptyToNull(form.values.reason),
      version: check.version,
    });

  return (
    <StepModalForm
      title="Ersteinschätzung: Wie dringend?"
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      size="lg"
    >
      <Radio.Group
        label="Dringlichkeit"
        description={<FieldHint hint="dringlichkeit" />}
        required
        value={form.values.urgency}
        onChange={(value) => form.set('urgency', value)}
        error={form.errors.urgency}
      >
        <Stack gap="xs" mt="xs">
          {options(cpUrgencies).map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Stack>
      </Radio.Group>
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
    </StepModalForm>
  );
}

export function AssessmentForm({ caseId, check, opened, onClose }: StepFormProps) {
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
  const save = useSaveStep(caseId, check.id, 'assessment');
  const reload = useReloadCase(caseId);
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
    <StepModalForm
      title="Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte"
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      size="xl"
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
    </StepModalForm>
  );
}

export function VisitForm({ caseId, check, opened, onClose }: StepFormProps) {
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
  const save = useSaveStep(caseId, check.id, 'visit');
  const reload = useReloadCase(caseId);
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
    <StepModalForm
      title="Inaugenscheinnahme"
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      size="lg"
    >
      <Radio.Group
        label="Wurde sich ein unmittelbarer Eindruck vom Kind verschafft?"
        description={<FieldHint hint="inaugenscheinnahme" />}
        required
        value={form.values.status}
        onChange={(value) => form.set('status', value)}
        error={form.errors.status}
      >
        <Group gap="lg" mt="xs">
          {options(cpVisitStatuses).map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
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
          <Radio.Group
            label="Wurde das Kind gesehen?"
            required
            value={form.values.childSeen}
            onChange={(value) => form.set('childSeen', value)}
            error={form.errors.childSeen}
          >
            <Group gap="lg" mt="xs">
              <Radio value="ja" label="ja" />
              <Radio value="nein" label="nein" />
            </Group>
          </Radio.Group>
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
    </StepModalForm>
  );
}
