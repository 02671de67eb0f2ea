import { type CaseNote, type CaseNoteKind, caseNoteKinds } from '@leuchtturm/shared';
import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useModalState } from '../../app/components/useModalState.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useReloadCase } from '../cases/caseQueries.ts';
import { DateField, type SectionProps } from '../cases/sections/ui.tsx';
import { NoteCard } from './NoteCard.tsx';
import { NewNoteForm, NoteModal } from './NoteForms.tsx';
import { type CaseNoteFilter, useCaseNotes } from './queries.ts';

const kindFilterOptions = [
  { value: '', label: 'Alle Arten' },
  ...caseNoteKinds.values.map((value) => ({ value, label: caseNoteKinds.labels[value] })),
];
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Vermerke: the case's chronology of contacts and notes, to write, filter, change (24 h) and correct. */
export function NotesSection({ detail, readOnly }: SectionProps) {
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filter: CaseNoteFilter = {
    ...(kind ? { kind: kind as CaseNoteKind } : {}),
    ...(isDate(from) ? { from } : {}),
    ...(isDate(to) ? { to } : {}),
    ...(q ? { q } : {}),
  };
  const notes = useCaseNotes(detail.id, filter);
  const modal = useModalState<{ note: CaseNote; mode: 'bearbeiten' | 'korrigieren' }>();
  const reload = useReloadCase(detail.id);
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      {!readOnly && <NewNoteForm detail={detail} />}
      <Stack gap="sm">
        <Title order={2} size="h3">
          Chronologie
        </Title>
        <Group align="flex-end" gap="md" role="search" aria-label="Vermerke filtern">
          <Select
            label="Nach Art filtern"
            data={kindFilterOptions}
            value={kind}
            onChange={(value) => setKind(value ?? '')}
            allowDeselect={false}
            w={200}
          />
          <DateField label="Von" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
          <DateField label="Bis" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
          <TextInput
            label="Suche"
            description="im Text und bei den Beteiligten"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
        </Group>
        {notes.isPending ? (
          <Loading />
        ) : notes.isError ? (
          <ErrorAlert error={notes.error} title="Laden fehlgeschlagen" />
        ) : items.length === 0 ? (
          <Text c="gray.8">{filtered ? 'Keine Vermerke zu diesen Filtern.' : 'Noch keine Vermerke.'}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              Neueste Kontakte zuerst.
            </Text>
            {items.map((note) => (
              <NoteCard
                key={note.id}
                detail={detail}
                note={note}
                readOnly={readOnly}
                onEdit={() => modal.open({ note, mode: 'bearbeiten' })}
                onCorrect={() => modal.open({ note, mode: 'korrigieren' })}
              />
            ))}
            {notes.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void notes.fetchNextPage()}
                  loading={notes.isFetchingNextPage}
                >
                  Weitere Vermerke laden
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
      {modal.value && (
        <NoteModal
          key={modal.key}
          detail={detail}
          note={modal.value.note}
          mode={modal.value.mode}
          opened={modal.opened}
          onClose={modal.close}
          onReload={() => void reload()}
        />
      )}
    </>
  );
}
