import { Group } from '@mantine/core';
import { DownloadLink } from '../cases/sections/ui.tsx';

/**
 * The Auskunft about a person (Art. 15 DSGVO, § 83 SGB X) as PDF and as JSON, for who holds `person:disclose`
 * (the server checks it again and audits each one). Both list the parts withheld under § 65 and for third parties.
 */
export function DisclosureLinks({ personId, name }: { personId: string; name: string }) {
  const base = `/api/v1/persons/${personId}/disclosure`;
  return (
    <Group gap="xs" wrap="nowrap">
      <DownloadLink href={`${base}.pdf`} label={`Auskunft über ${name} als PDF herunterladen`}>
        Auskunft (PDF)
      </DownloadLink>
      <DownloadLink href={base} label={`Auskunft über ${name} als JSON herunterladen`}>
        JSON
      </DownloadLink>
    </Group>
  );
}
