import { type CaseDetail, type CaseNote, caseNoteKinds, caseNoteLinkTypes } from '@leuchtturm/shared';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useUser } from '../../app/auth.ts';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { ConfidedControls } from '../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../dataProtection/ConfidedNotice.tsx';

/** One Aktenvermerk: when and what, who took part, the text, and how it stands to corrections. */
export function NoteCard({
  detail,
  note,
  readOnly,
  onEdit,
  onCorrect,
}: {
  detail: CaseDetail;
  note: CaseNote;
  readOnly: boolean;
  onEdit: () => void;
  onCorrect: () => void;
}) {
  const headingId = useId();
  const user = useUser();
  const kind = caseNoteKinds.labels[note.kind];
  const when = formatDateTimeDe(note.occurredAt);
  const participants = [...note.staff.map((s) => s.name), ...note.others];
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={headingId}
      id={`vermerk-${note.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {note.corrects ? 'Korrektur · ' : ''}
            {kind} · {when}
          </Title>
          <Group gap="xs">
            {note.confided && <ConfidedBadge withheld={note.confided.withheld} />}
            {note.link && (
              <Badge variant="light" color="gray">
                Bezug: {caseNoteLinkTypes.labels[note.link.type]}
              </Badge>
            )}
            {note.correctedBy.length > 0 && (
              <Badge variant="light" color="orange">
                korrigiert
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="gray.7">
          Geschrieben von {note.author.name} am {formatDateTimeDe(note.createdAt)}
          {note.updatedAt ? `, geändert am ${formatDateTimeDe(note.updatedAt)}` : ''}
        </Text>
        <ConfidedControls
          detail={detail}
          itemType="case_note"
          itemId={note.id}
          mark={note.confided}
          what={`Vermerk vom ${when}`}
          readOnly={readOnly}
          mayMark={note.author.id === user.id}
        />
        {participants.length > 0 && <Text size="sm">Beteiligte: {participants.join(', ')}</Text>}
        {note.corrects && (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text size="sm" fw={600}>
              Korrigiert den Vermerk „{caseNoteKinds.labels[note.corrects.kind]}“ vom{' '}
              {formatDateTimeDe(note.corrects.occurredAt)} von {note.corrects.author}:
            </Text>
            <Text size="sm" className="pre-wrap" c="gray.8">
              {note.corrects.text}
            </Text>
          </Paper>
        )}
        <Text className="pre-wrap">{note.text}</Text>
        {note.correctedBy.length > 0 && (
          <Text size="sm" fw={600} c="gray.8">
            Korrigiert durch{' '}
            {note.correctedBy.map((c) => `${c.author} am ${formatDateTimeDe(c.createdAt)}`).join('; ')}.
          </Text>
        )}
        {!readOnly && (
          <Group gap="sm">
            {note.mayEdit ? (
              <>
                <Button
                  size="xs"
                  variant="default"
                  onClick={onEdit}
                  aria-label={`Bearbeiten: ${kind} vom ${when}`}
                >
                  Bearbeiten
                </Button>
                <Text size="xs" c="gray.7">
                  änderbar bis {formatDateTimeDe(note.editableUntil)}
                </Text>
              </>
            ) : (
              <Button
                size="xs"
                variant="default"
                onClick={onCorrect}
                aria-label={`Korrektur schreiben: ${kind} vom ${when}`}
              >
                Korrektur schreiben
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
