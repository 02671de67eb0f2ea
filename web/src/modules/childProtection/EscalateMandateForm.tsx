import { type CaseDetail, cpEscalationInputSchema, formatDateDe, todayIso } from '@leuchtturm/shared';
import { Alert, Group, MultiSelect, Text, Textarea, TextInput } from '@mantine/core';
import { useUser } from '../../app/auth.ts';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { useReloadCase, useTeamStaff } from '../cases/caseQueries.ts';
import { DateField, emptyToNull, staffOptions } from '../cases/sections/ui.tsx';
import { useEscalateMandate } from './queries.ts';

type Mandate = CaseDetail['mandates'][number];

/** Whether an Auftrag failed (not or only partly fulfilled) and has not been escalated yet. */
export function mayEscalate(mandate: Mandate, all: readonly Mandate[]): boolean {
  return (
    mandate.kind === 'auftrag' &&
    (mandate.result === 'nicht_erfuellt' || mandate.result === 'teilweise') &&
    !all.some((m) => m.escalatedFromId === mandate.id)
  );
}

/**
 * "In Auflage überführen": asks for confirmation together with the Kurzberatung that moves the case into the
 * danger area and the Auflage that follows from the failed Auftrag.
 */
export function EscalateMandateForm({
  detail,
  mandate,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  mandate: Mandate;
  opened: boolean;
  onClose: () => void;
}) {
  const user = useUser();
  const staff = useTeamStaff(detail.team?.id ?? null);
  const form = useFormState(
    {
      heldOn: todayIso(),
      participantIds: [user.id],
      facts: `Der Auftrag „${mandate.text}“ wurde nicht erfüllt.`,
      nextSteps: 'Auflage erteilen und ihre Erfüllung überprüfen.',
      auflage: {
        text: mandate.text,
        addressee: mandate.addressee,
        dueOn: '',
        checkMethod: mandate.checkMethod,
        reviewOn: '',
        consequence: '',
      },
    },
    { draft: `auflage:${mandate.id}` },
  );
  const save = useEscalateMandate(detail.id);
  const reload = useReloadCase(detail.id);
  const choices = staffOptions(staff.data);
  if (!choices.some((o) => o.value === user.id)) choices.unshift({ value: user.id, label: user.displayName });
  const v = form.values;
  const a = v.auflage;
  const setAuflage = (key: keyof typeof a, value: string) => form.set('auflage', { ...a, [key]: value });

  const toInput = () =>
    form.validate(cpEscalationInputSchema, {
      mandateId: mandate.id,
      version: mandate.version,
      heldOn: v.heldOn,
      participantIds: v.participantIds,
      facts: v.facts,
      nextSteps: v.nextSteps,
      auflage: { ...a, consequence: emptyToNull(a.consequence) },
    });

  const field = (
    key: 'text' | 'addressee' | 'checkMethod' | 'consequence',
    label: string,
    required = true,
  ) =>
    key === 'addressee' ? (
      <TextInput
        label={label}
        required
        value={a[key]}
        onChange={(e) => setAuflage(key, e.currentTarget.value)}
        error={form.errors[`auflage.${key}`]}
      />
    ) : (
      <Textarea
        label={label}
        required={required}
        description={required ? undefined : 'optional'}
        autosize
        minRows={2}
        value={a[key]}
        onChange={(e) => setAuflage(key, e.currentTarget.value)}
        error={form.errors[`auflage.${key}`]}
      />
    );
  return (
    <StepModalForm
      title="Auftrag in eine Auflage überführen"
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      submitLabel="In Auflage überführen"
      size="xl"
    >
      <Alert color="orange" role="note" title="Bitte bestätigen">
        <Text size="sm">
          Der Auftrag vom Fälligkeitstag {formatDateDe(mandate.dueOn)} wurde nicht oder nur teilweise erfüllt.
          Mit dem Speichern ordnet eine Kurzberatung den Fall in den Gefährdungsbereich ein, und es wird eine
          Auflage erteilt, die auf diesen Auftrag verweist. Das kann nicht rückgängig gemacht werden.
        </Text>
      </Alert>
      <Text fw={600} size="sm">
        Kurzberatung (Einordnung: Gefährdungsbereich)
      </Text>
      <Group grow align="flex-start">
        <DateField
          label="Datum der Kurzberatung"
          required
          value={v.heldOn}
          onChange={(e) => form.set('heldOn', e.currentTarget.value)}
          error={form.errors.heldOn}
        />
        <MultiSelect
          label="Teilnehmende der Kurzberatung"
          description="Mindestens zwei Fachkräfte."
          required
          data={choices}
          value={v.participantIds}
          onChange={(value) => form.set('participantIds', value)}
          error={form.errors.participantIds}
          searchable
        />
      </Group>
      <Textarea
        label="Sachverhalt"
        required
        autosize
        minRows={2}
        value={v.facts}
        onChange={(e) => form.set('facts', e.currentTarget.value)}
        error={form.errors.facts}
      />
      <Textarea
        label="Nächste Schritte"
        required
        autosize
        minRows={2}
        value={v.nextSteps}
        onChange={(e) => form.set('nextSteps', e.currentTarget.value)}
        error={form.errors.nextSteps}
      />
      <Text fw={600} size="sm">
        Auflage
      </Text>
      {field('text', 'Inhalt der Auflage')}
      <Group grow align="flex-start">
        {field('addressee', 'Adressat/in')}
        <DateField
          label="Fällig am"
          required
          value={a.dueOn}
          onChange={(e) => setAuflage('dueOn', e.currentTarget.value)}
          error={form.errors['auflage.dueOn']}
        />
        <DateField
          label="Überprüfung am"
          required
          value={a.reviewOn}
          onChange={(e) => setAuflage('reviewOn', e.currentTarget.value)}
          error={form.errors['auflage.reviewOn']}
        />
      </Group>
      {field('checkMethod', 'Wie wird überprüft?')}
      {field('consequence', 'Konsequenz bei Nichterfüllung', false)}
    </StepModalForm>
  );
}
