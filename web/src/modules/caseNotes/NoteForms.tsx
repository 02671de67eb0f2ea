import {
  type CaseDetail,
  type CaseNote,
  caseNoteInputSchema,
  caseNoteKinds,
  caseNoteUpdateSchema,
} from '@leuchtturm/shared';
import { Alert, Text } from '@mantine/core';
import { isVersionConflict } from '../../app/api.ts';
import { FormModal } from '../../app/components/FormModal.tsx';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';

import { SectionForm } from '../cases/sections/ui.tsx';
import { NoteFields } from './NoteFields.tsx';
import { noteBody, noteDraft } from './noteDraft.ts';
import { useAddCaseNote, useEditCaseNote } from './queries.ts';

/** "Vermerk schreiben": the form below the filters, prefilled with the present minute. */
export function NewNoteForm({ detail }: { detail: CaseDetail }) {
  const form = useFormState(noteDraft());
  const save = useAddCaseNote(detail.id);

  function submit() {
    const input = form.validate(caseNoteInputSchema, { ...noteBody(form.values), correctsId: null });
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => form.reset(noteDraft()),
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <SectionForm
      title="Vermerk schreiben"
      order={2}
      intro={
        <Text size="sm" c="gray.7">
          Bis 24 Stunden nach dem Speichern können Sie Ihren Vermerk noch ändern; danach ist er
          festgeschrieben und wird durch eine Korrektur ergänzt.
        </Text>
      }
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Vermerk speichern"
      formError={form.formError}
      formRef={form.formRef}
    >
      <NoteFields detail={detail} form={form} />
    </SectionForm>
  );
}

const describe = (note: Pick<CaseNote, 'kind' | 'occurredAt'>) =>
  `${caseNoteKinds.labels[note.kind]} vom ${formatDateTimeDe(note.occurredAt)}`;

/**
 * Changes a note (its author, within 24 hours, on the version seen) or writes a correction of it: a new note,
 * prefilled with the old one, that points at it.
 */
export function NoteModal({
  detail,
  note,
  mode,
  opened,
  onClose,
  onReload,
}: {
  detail: CaseDetail;
  note: CaseNote;
  mode: 'bearbeiten' | 'korrigieren';
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const form = useFormState(noteDraft(note));
  const add = useAddCaseNote(detail.id);
  const edit = useEditCaseNote(detail.id, note);

  function submit() {
    const body = noteBody(form.values);
    if (mode === 'bearbeiten') {
      const input = form.validate(caseNoteUpdateSchema, { ...body, version: note.version });
      if (!input) return;
      edit.mutate(input, {
        onSuccess: onClose,
        onError: (error) => {
          form.showServerError(error);
          if (isVersionConflict(error)) onReload();
        },
      });
    } else {
      const input = form.validate(caseNoteInputSchema, { ...body, correctsId: note.id });
      if (!input) return;
      add.mutate(input, { onSuccess: onClose, onError: (error) => form.showServerError(error) });
    }
  }

  return (
    <FormModal
      opened={opened}
      title={
        mode === 'bearbeiten' ? `Vermerk bearbeiten: ${describe(note)}` : `Korrektur zu: ${describe(note)}`
      }
      onClose={onClose}
      onSubmit={submit}
      submitting={add.isPending || edit.isPending}
      formError={form.formError}
      formRef={form.formRef}
      submitLabel={mode === 'bearbeiten' ? 'Änderung speichern' : 'Korrektur speichern'}
      size="xl"
    >
      {mode === 'korrigieren' ? (
        <Alert color="blue" title="Der ursprüngliche Vermerk bleibt erhalten" role="note">
          <Text size="sm">
            Die Korrektur wird als neuer Vermerk gespeichert und verweist auf den Vermerk von{' '}
            {note.author.name}. Ändern Sie unten, was richtigzustellen ist.
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="gray.7">
          Änderbar bis {formatDateTimeDe(note.editableUntil)}.
        </Text>
      )}
      <NoteFields detail={detail} form={form} autofocus />
    </FormModal>
  );
}
