import {
  type CaseDetail,
  type CaseNote,
  caseNoteInputSchema,
  caseNoteKinds,
  caseNoteUpdateSchema,
} from '@leuchtturm/shared';
import { Alert, Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import { isVersionConflict } from '../../app/api.ts';
import { type ComparedField, ConflictCompare } from '../../app/components/ConflictCompare.tsx';
import { FormModal } from '../../app/components/FormModal.tsx';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';

import { SectionForm } from '../cases/sections/ui.tsx';
import { NoteFields } from './NoteFields.tsx';
import { type NoteFormValues, noteBody, noteFormValues } from './noteForm.ts';
import { fetchCurrentNote, useAddCaseNote, useEditCaseNote } from './queries.ts';

/** "Vermerk schreiben": the form below the filters, prefilled with the present minute. */
export function NewNoteForm({ detail }: { detail: CaseDetail }) {
  const form = useFormState(noteFormValues(), { draft: `vermerk:neu:${detail.id}` });
  const save = useAddCaseNote(detail.id);
  const [confided, setConfided] = useState(false);

  function submit() {
    const input = form.validate(caseNoteInputSchema, {
      ...noteBody(form.values),
      correctsId: null,
      ...(confided ? { confided: true } : {}),
    });
    if (!input) return;
    form.send(
      save.mutateAsync(input, {
        onSuccess: () => {
          form.reset(noteFormValues());
          setConfided(false);
        },
        onError: (error) => form.showServerError(error),
      }),
    );
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
      draft={form.draft}
    >
      <NoteFields detail={detail} form={form} />
      <Checkbox
        label="Anvertraut (§ 65 SGB VIII): nur ich sehe den Inhalt"
        description="Andere sehen nur, dass hier eine anvertraute Angabe steht. Nicht in PDFs, Exporten und Auskünften."
        checked={confided}
        onChange={(event) => setConfided(event.currentTarget.checked)}
      />
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
  const form = useFormState(noteFormValues(note), { draft: `vermerk:${mode}:${note.id}` });
  const add = useAddCaseNote(detail.id);
  const edit = useEditCaseNote(detail.id, note);
  /** The note as saved meanwhile (in another window), after a version conflict: compared with this text. */
  const [theirs, setTheirs] = useState<CaseNote | null>(null);

  function submit(version = note.version) {
    const body = noteBody(form.values);
    if (mode === 'bearbeiten') {
      const input = form.validate(caseNoteUpdateSchema, { ...body, version });
      if (!input) return;
      form.send(
        edit.mutateAsync(input, {
          onSuccess: onClose,
          onError: (error) => {
            form.showServerError(error);
            if (!isVersionConflict(error)) return;
            fetchCurrentNote(detail.id, note.id).then(setTheirs, () => undefined);
          },
        }),
      );
    } else {
      const input = form.validate(caseNoteInputSchema, { ...body, correctsId: note.id });
      if (!input) return;
      form.send(
        add.mutateAsync(input, { onSuccess: onClose, onError: (error) => form.showServerError(error) }),
      );
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
      draft={form.draft}
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
      <ConflictCompare
        opened={theirs !== null}
        fields={theirs ? compared(form.values, theirs) : []}
        onTakeMine={() => {
          const version = theirs?.version;
          setTheirs(null);
          submit(version);
        }}
        onTakeTheirs={() => {
          setTheirs(null);
          form.draft.discard();
          onReload();
          onClose();
        }}
        onClose={() => setTheirs(null)}
        saving={edit.isPending}
      />
    </FormModal>
  );
}

/** The fields of a note a person reads, in the form's values and in a saved note, to compare them. */
function compared(values: NoteFormValues, theirs: CaseNote): ComparedField[] {
  const saved = noteFormValues(theirs);
  const occurredAt = noteBody(values).occurredAt;
  return [
    {
      label: 'Datum und Uhrzeit',
      mine: occurredAt ? formatDateTimeDe(occurredAt) : '',
      theirs: formatDateTimeDe(theirs.occurredAt),
    },
    {
      label: 'Art',
      mine: values.kind ? caseNoteKinds.labels[values.kind] : '',
      theirs: caseNoteKinds.labels[theirs.kind],
    },
    { label: 'Weitere Beteiligte', mine: values.others, theirs: saved.others },
    { label: 'Vermerk', mine: values.text, theirs: saved.text },
  ];
}
