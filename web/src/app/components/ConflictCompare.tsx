import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../api.ts';

/** One field of a record as the user wrote it and as it was saved meanwhile, both as text. */
export interface ComparedField {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * A version conflict (409) of a free-text form: the user's text and the version saved meanwhile side by side, and
 * the choice between them, instead of an error that throws the input away (docs/drafts-and-sessions.md). Closing
 * it decides nothing: the form keeps the user's text (and its draft).
 */
export function ConflictCompare({
  opened,
  fields,
  savedBy,
  onTakeMine,
  onTakeTheirs,
  onClose,
  saving,
  error,
}: {
  opened: boolean;
  fields: readonly ComparedField[];
  /** Who saved the other version and when, if known ("von Frida Fachkraft am 02.12.2026, 10:15"). */
  savedBy?: string | undefined;
  onTakeMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
  saving: boolean;
  error?: unknown;
}) {
  const changed = fields.filter((f) => f.mine !== f.theirs);
  const same = fields.filter((f) => f.mine === f.theirs);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Zwischenzeitlich geändert: Fassungen vergleichen"
      size="xl"
    >
      <Stack gap="md">
        <Text size="sm">
          Während Sie geschrieben haben, wurde eine andere Fassung gespeichert{savedBy ? ` ${savedBy}` : ''}.
          Wählen Sie, welche gelten soll. Ihre Fassung geht nicht verloren, solange Sie nicht „Andere Fassung
          übernehmen“ wählen.
        </Text>
        {changed.map((field) => (
          <Stack key={field.label} gap="xs">
            <Title order={3} size="h5">
              {field.label}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Version heading="Ihre Fassung" text={field.mine} />
              <Version heading="Andere Fassung (gespeichert)" text={field.theirs} />
            </SimpleGrid>
          </Stack>
        ))}
        {same.length > 0 && (
          <Text size="sm" c="gray.7">
            Gleich in beiden Fassungen: {same.map((f) => f.label).join(', ')}.
          </Text>
        )}
        {error !== undefined && error !== null && (
          <Alert color="red" role="alert" title="Nicht gespeichert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onTakeTheirs} disabled={saving}>
            Andere Fassung übernehmen
          </Button>
          <Button onClick={onTakeMine} loading={saving}>
            Meine Fassung übernehmen
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Version({ heading, text }: { heading: string; text: string }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text size="sm" fw={600} component="h4" m={0} mb={4}>
        {heading}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text === '' ? '–' : text}
      </Text>
    </Paper>
  );
}
