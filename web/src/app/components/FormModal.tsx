import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode, RefObject } from 'react';
import type { FormDraft } from '../useDraft.ts';
import { DraftOffer } from './DraftOffer.tsx';

/** A modal dialog holding one form, with its general error and the "Abbrechen"/"Speichern" buttons. */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  submitting,
  formError,
  formRef,
  submitLabel = 'Speichern',
  size = 'md',
  draft,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitting: boolean;
  formError: string | null;
  formRef?: RefObject<HTMLFormElement | null>;
  submitLabel?: string;
  size?: string;
  /** The form's draft (`useFormState(..., { draft })`): an earlier one is offered at the top. */
  draft?: FormDraft;
  children: ReactNode;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate ref={formRef}>
        <Stack gap="md">
          <DraftOffer draft={draft} />
          {formError && (
            <Alert color="red" role="alert" title="Nicht gespeichert">
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Abbrechen
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
