import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTimeDe } from '../dateTime.ts';
import type { FormDraft } from '../useDraft.ts';

/** "Entwurf vom … wiederherstellen / verwerfen" at the top of a form that has an earlier draft of its user. */
export function DraftOffer({ draft }: { draft: FormDraft | undefined }) {
  if (!draft?.offer) return null;
  return (
    <Alert color="blue" title="Nicht gespeicherter Entwurf" role="status">
      <Text size="sm">
        Zu diesem Formular gibt es Ihren Entwurf vom {formatDateTimeDe(draft.offer.savedAt)}. Bis Sie sich
        entscheiden, wird nichts Neues als Entwurf gesichert.
      </Text>
      <Group gap="sm" mt="xs">
        <Button size="xs" onClick={draft.restore}>
          Entwurf wiederherstellen
        </Button>
        <Button size="xs" variant="default" onClick={draft.discard}>
          Entwurf verwerfen
        </Button>
      </Group>
    </Alert>
  );
}
