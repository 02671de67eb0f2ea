import type { ConfidedMark } from '@leuchtturm/shared';
import { Badge, Text } from '@mantine/core';

/** The § 65 marking in words (never by colour alone): a badge and, for who manages it, to whom and with whom. */
export function ConfidedBadge({ withheld }: { withheld: boolean }) {
  return (
    <Badge variant="outline" color="grape">
      {withheld ? 'Anvertraut (§ 65 SGB VIII) – Inhalt nicht sichtbar' : 'Anvertraut (§ 65 SGB VIII)'}
    </Badge>
  );
}

export function ConfidedDetails({ mark }: { mark: ConfidedMark }) {
  if (mark.withheld)
    return (
      <Text size="sm" c="gray.8">
        Diese Angabe wurde {mark.confidedTo.name} anvertraut. Sie sehen sie nur, wenn sie mit Ihnen geteilt
        wird.
      </Text>
    );
  return (
    <Text size="sm" c="gray.8">
      Anvertraut an {mark.confidedTo.name}
      {mark.sharedWith.length > 0 ? `; geteilt mit ${mark.sharedWith.map((s) => s.name).join(', ')}` : ''}.{' '}
      {mark.releaseBasis
        ? 'Eine Befugnis zur Weitergabe ist festgehalten.'
        : 'Nicht in PDFs, Exporten, Übergaben und Auskünften enthalten.'}
    </Text>
  );
}
