import { Alert } from '@mantine/core';

/** The hint on every form of case-independent work: these records never hold personal data of clients. */
export function NoPersonalData() {
  return (
    <Alert color="blue" variant="light" title="Ohne Daten von Klientinnen und Klienten">
      Fallunabhängige Arbeit: Bitte keine Namen oder andere Angaben zu Familien, Kindern oder Jugendlichen
      eintragen. Ansprechpersonen von Institutionen dürfen genannt werden.
    </Alert>
  );
}
