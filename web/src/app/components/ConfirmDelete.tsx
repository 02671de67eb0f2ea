import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { errorMessage } from '../api.ts';

/** Asks before deleting; shows the server's reason when deleting is refused (e.g. the entry is still in use). */
export function ConfirmDelete({
  opened,
  what,
  onClose,
  onConfirm,
  deleting,
  error,
}: {
  opened: boolean;
  /** e.g. "Das Team „Walle 1“" */
  what: string;
  onClose: () => void;
  onConfirm: () => void;
  deleting: boolean;
  error: unknown;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Wirklich löschen?">
      <Stack gap="md">
        <Text>{what} wird gelöscht. Das lässt sich nicht rückgängig machen.</Text>
        {error ? (
          <Alert color="red" role="alert" title="Nicht gelöscht">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Abbrechen
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={deleting}>
            Löschen
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
