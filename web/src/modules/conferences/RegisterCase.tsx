import { formatDateDe } from '@leuchtturm/shared';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { RegisterCaseForm } from './ConferenceForms.tsx';

/** On the case page: register the case for the team's next Wochenkonferenz, and say for which day it is. */
export function RegisterCase({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState(false);
  const [registeredFor, setRegisteredFor] = useState<string | null>(null);
  return (
    <Group>
      <Button variant="default" onClick={() => setOpen(true)}>
        Zur Wochenkonferenz anmelden
      </Button>
      {registeredFor && (
        <Text role="status">Angemeldet für die Wochenkonferenz am {formatDateDe(registeredFor)}.</Text>
      )}
      {open && (
        <RegisterCaseForm caseId={caseId} onClose={() => setOpen(false)} onRegistered={setRegisteredFor} />
      )}
    </Group>
  );
}
