import { formatDateDe, formatMoney, type Measure } from '@leuchtturm/shared';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../app/api.ts';
import { helpTypeLabel, useApproveMeasure } from './queries.ts';

/** "Träger – Angebot", or the individual rate's note. */
export function providerLabel(m: Measure): string {
  if (m.provider && m.offer) return `${m.provider} – ${m.offer}`;
  return m.provider ?? m.offer ?? 'individueller Satz (ohne Träger)';
}

/** The accessible name of a row's buttons: which help of whom. */
export function measureName(m: Measure): string {
  return `${m.helpType.name} für ${m.personName} ab ${formatDateDe(m.beginOn)}`;
}

/** Asks the team lead before approving a planned measure; the server checks the version last seen. */
export function ApproveModal({
  measure,
  opened,
  onClose,
}: {
  measure: Measure | null;
  opened: boolean;
  onClose: () => void;
}) {
  const approve = useApproveMeasure();
  return (
    <Modal opened={opened} onClose={onClose} title="Hilfe bewilligen?">
      {measure && (
        <Stack gap="md">
          <Text>
            {helpTypeLabel(measure.helpType)} für {measure.personName} (Fall {measure.caseNumber}) bei{' '}
            {providerLabel(measure)}, ab {formatDateDe(measure.beginOn)}. Geschätzte Kosten:{' '}
            {formatMoney(measure.monthlyEstimate)} im Monat.
          </Text>
          <Text>Mit der Bewilligung entstehen Kosten ab dem Beginn der Hilfe.</Text>
          {approve.error ? (
            <Alert color="red" role="alert" title="Nicht bewilligt">
              {errorMessage(approve.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              Abbrechen
            </Button>
            <Button
              onClick={() => approve.mutate(measure, { onSuccess: onClose })}
              loading={approve.isPending}
            >
              Bewilligen
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
