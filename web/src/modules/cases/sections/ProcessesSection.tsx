import { Stack, Text, Title } from '@mantine/core';
import { CaseProcesses } from '../../processes/CaseProcesses.tsx';
import type { SectionProps } from './ui.tsx';

/** Prozesse of the case: where it stands in its core processes, what is due, who did what. */
export function ProcessesSection({ detail, readOnly }: SectionProps) {
  return (
    <Stack>
      <Title order={2}>Prozesse</Title>
      <Text c="gray.7">
        Schritte, die ein Eintrag in der Fallakte abschließt (etwa der Hilfeplan oder die kollegiale
        Beratung), werden beim Speichern des Eintrags erledigt.
      </Text>
      <CaseProcesses caseId={detail.id} readOnly={readOnly} />
    </Stack>
  );
}
