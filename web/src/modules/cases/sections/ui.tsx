import { type CaseDetail, DATE_INPUT_BOUNDS } from '@leuchtturm/shared';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  TextInput,
  type TextInputProps,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, type RefObject, useId } from 'react';
import { errorMessage } from '../../../app/api.ts';
import { DraftOffer } from '../../../app/components/DraftOffer.tsx';
import { FormErrorAlert } from '../../../app/components/FormErrorAlert.tsx';
import type { FormDraft } from '../../../app/useDraft.ts';

/** What every section of the case page gets: the case file and whether it may still be changed. */
export interface SectionProps {
  detail: CaseDetail;
  readOnly: boolean;
}

/**
 * A form inside a section: its heading names the form (a form landmark), the general error and the submit button
 * sit at its end, next to where the user is after filling it in. On a version conflict it offers "Neu laden".
 */
export function SectionForm({
  title,
  order = 3,
  intro,
  onSubmit,
  submitting,
  submitLabel,
  formError,
  formRef,
  onReload,
  draft,
  children,
}: {
  title: string;
  order?: 2 | 3;
  intro?: ReactNode;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: string;
  formError: string | null;
  formRef?: RefObject<HTMLFormElement | null>;
  /** Shown as "Neu laden" in the error when the record was changed meanwhile. */
  onReload?: (() => void) | null;
  /** The form's draft (`useFormState(..., { draft })`): an earlier one is offered below the heading. */
  draft?: FormDraft;
  children: ReactNode;
}) {
  const headingId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate ref={formRef} aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={order} size="h4" id={headingId}>
            {title}
          </Title>
          {intro}
          <DraftOffer draft={draft} />
          {children}
          <FormErrorAlert formError={formError} onReload={onReload} />
          <Group>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A calendar date (YYYY-MM-DD); the browser shows its own date picker in German format. */
export function DateField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="date" min={DATE_INPUT_BOUNDS.min} max={DATE_INPUT_BOUNDS.max} {...props} />;
}

/** Label/value pairs as a description list. */
export function InfoList({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="info-list">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '–' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A generated form or an upload; the browser downloads it with the session cookie. */
export function DownloadLink({
  href,
  label,
  children,
}: {
  href: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Anchor href={href} download aria-label={label} size="sm">
      {children}
    </Anchor>
  );
}

/** Asks before an action that cannot be undone (revoking a consent, closing the case). */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        {children}
        {error ? (
          <Alert color="red" role="alert" title="Nicht ausgeführt">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Abbrechen
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** Staff as options of a Select or MultiSelect. */
export function staffOptions(staff: readonly { id: string; displayName: string }[] | undefined) {
  return (staff ?? []).map((s) => ({ value: s.id, label: s.displayName }));
}
