import type { CpCheck } from '@leuchtturm/shared';
import { Group } from '@mantine/core';
import { formUrl } from '../cases/caseQueries.ts';
import { DownloadLink } from '../cases/sections/ui.tsx';

/**
 * The forms of a check as PDF: the Beratungsvorlage und Protokoll zur Risikoeinschätzung (filled as far as the
 * check is recorded) and the Hausbesuchsmappe for the visit, naming the child.
 */
export function CheckForms({ caseId, check }: { caseId: string; check: CpCheck }) {
  return (
    <Group gap="lg">
      <DownloadLink
        href={formUrl(caseId, 'risikoeinschaetzung', check.id)}
        label={`Risikoeinschätzung (PDF): Beratungsvorlage und Protokoll für ${check.child.name}`}
      >
        Risikoeinschätzung (PDF)
      </DownloadLink>
      <DownloadLink
        href={formUrl(caseId, 'hausbesuchsmappe', check.id)}
        label={`Hausbesuchsmappe (PDF) für ${check.child.name}`}
      >
        Hausbesuchsmappe (PDF)
      </DownloadLink>
    </Group>
  );
}
