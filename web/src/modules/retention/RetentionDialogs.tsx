import {
  type CaseRetention,
  retentionErasureInputSchema,
  retentionProposalInputSchema,
  retentionRestrictionInputSchema,
} from '@leuchtturm/shared';
import { Alert, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmDelete } from '../../app/components/ConfirmDelete.tsx';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { useRetentionStep } from './queries.ts';

export type RetentionAction = 'propose' | 'withdraw' | 'confirm' | 'restrict' | 'lift';

/** The dialog of one step; each is the confirmation before its step. */
export function RetentionDialog({
  file,
  action,
  opened,
  onClose,
}: {
  file: CaseRetention;
  action: RetentionAction;
  opened: boolean;
  onClose: () => void;
}) {
  const props = { file, opened, onClose };
  if (action === 'propose') return <ReasonDialog {...props} kind="propose" />;
  if (action === 'restrict') return <ReasonDialog {...props} kind="restrict" />;
  if (action === 'confirm') return <ConfirmErasure {...props} />;
  return <Undo {...props} kind={action} />;
}

const texts = {
  propose: {
    title: 'Löschung vorschlagen',
    label: 'Begründung',
    intro:
      'Die Aufbewahrungsfrist ist abgelaufen. Eine andere Person der Referatsleitung muss die Löschung bestätigen.',
    done: 'Löschung vorgeschlagen',
  },
  restrict: {
    title: 'Akte sperren',
    label: 'Grund der Sperrung',
    intro:
      'Eine gesperrte Akte wird nicht gelöscht. Nur die Referatsleitung kann sie lesen, niemand kann sie ändern (z. B. während eines Gerichtsverfahrens).',
    done: 'Akte gesperrt',
  },
} as const;

function ReasonDialog({
  file,
  kind,
  opened,
  onClose,
}: {
  file: CaseRetention;
  kind: 'propose' | 'restrict';
  opened: boolean;
  onClose: () => void;
}) {
  const t = texts[kind];
  const form = useFormState({ reason: '' });
  const step = useRetentionStep(file.caseId);
  const schema = kind === 'propose' ? retentionProposalInputSchema : retentionRestrictionInputSchema;
  const toInput = () => {
    const input = form.validate(schema, { reason: form.values.reason, version: file.version });
    return input ? { kind, ...input } : null;
  };
  const mutation = {
    isPending: step.isPending,
    mutateAsync: (
      input: NonNullable<ReturnType<typeof toInput>>,
      options: { onSuccess: () => void; onError: (e: unknown) => void },
    ) =>
      step.mutateAsync(input, {
        onSuccess: () => {
          notifications.show({ color: 'green', title: t.done, message: `Akte ${file.caseNumber}` });
          options.onSuccess();
        },
        onError: options.onError,
      }),
  };
  return (
    <StepModalForm
      opened={opened}
      title={`${t.title}: ${file.caseNumber}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={mutation}
      submitLabel={t.title}
    >
      <Text size="sm">{t.intro}</Text>
      <Textarea
        label={t.label}
        required
        data-autofocus
        autosize
        minRows={2}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        error={form.errors.reason}
      />
    </StepModalForm>
  );
}

function ConfirmErasure({
  file,
  opened,
  onClose,
}: {
  file: CaseRetention;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({ confirmCaseNumber: '' });
  const step = useRetentionStep(file.caseId);
  const toInput = () => {
    const input = form.validate(retentionErasureInputSchema, { ...form.values, version: file.version });
    return input ? { kind: 'confirm' as const, ...input } : null;
  };
  const mutation = {
    isPending: step.isPending,
    mutateAsync: (
      input: NonNullable<ReturnType<typeof toInput>>,
      options: { onSuccess: () => void; onError: (e: unknown) => void },
    ) =>
      step.mutateAsync(input, {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Akte gelöscht', message: `Akte ${file.caseNumber}` });
          options.onSuccess();
        },
        onError: options.onError,
      }),
  };
  return (
    <StepModalForm
      opened={opened}
      title={`Löschung bestätigen: ${file.caseNumber}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={mutation}
      submitLabel="Endgültig löschen"
    >
      <Alert color="red" title="Das lässt sich nicht rückgängig machen">
        Namen, Anschrift, Telefonnummern, alle Texte und Dokumente der Akte werden endgültig entfernt. Es
        bleiben nur Daten ohne Personenbezug für die Statistik und das Protokoll.
        {file.proposedByName ? ` Vorgeschlagen von ${file.proposedByName}.` : ''}
      </Alert>
      <TextInput
        label="Aktenzeichen zur Bestätigung"
        description={`Bitte geben Sie ${file.caseNumber} ein.`}
        required
        data-autofocus
        autoComplete="off"
        value={form.values.confirmCaseNumber}
        onChange={(e) => form.set('confirmCaseNumber', e.currentTarget.value)}
        error={form.errors.confirmCaseNumber}
      />
    </StepModalForm>
  );
}

function Undo({
  file,
  kind,
  opened,
  onClose,
}: {
  file: CaseRetention;
  kind: 'withdraw' | 'lift';
  opened: boolean;
  onClose: () => void;
}) {
  const step = useRetentionStep(file.caseId);
  return (
    <ConfirmDelete
      opened={opened}
      what={
        kind === 'withdraw'
          ? `Der Löschvorschlag für ${file.caseNumber}`
          : `Die Sperrung von ${file.caseNumber}`
      }
      onClose={onClose}
      onConfirm={() => step.mutate({ kind, version: file.version }, { onSuccess: onClose })}
      deleting={step.isPending}
      error={step.error}
    />
  );
}
