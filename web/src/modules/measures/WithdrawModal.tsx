import type { Measure } from '@leuchtturm/shared';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../app/api.ts';
import { measureName } from './ApproveModal.tsx';
import { useWithdrawMeasure } from './queries.ts';

/** Asks before withdrawing a planned measure: it was never approved, and stays in the case file as withdrawn. */
export function WithdrawModal({
  measure,
  opened,
  onClose,
}: {
  measure: Measure | null;
  opened: boolean;
  onClose: () => void;
}) {
  const withdraw = useWithdrawMeasure();
  return (
    <Modal opened={opened} onClose={onClose} title="Hilfe zurückziehen?">
      {measure && (
        <Stack gap="md">
          <Text>{measureName(measure)}.</Text>
          <Text>
            Die Hilfe ist noch nicht bewilligt. Zurückgezogen wird sie nicht bewilligt, kostet nichts und
            bleibt als „zurückgezogen“ in der Fallakte.
          </Text>
          {withdraw.error ? (
            <Alert color="red" role="alert" title="Nicht zurückgezogen">
              {errorMessage(withdraw.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              Abbrechen
            </Button>
            <Button
              color="red.9"
              onClick={() => withdraw.mutate(measure, { onSuccess: onClose })}
              loading={withdraw.isPending}
            >
              Zurückziehen
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
