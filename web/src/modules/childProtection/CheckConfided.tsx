import type { CaseDetail, CpCheck } from '@leuchtturm/shared';
import { Alert, Group, Stack } from '@mantine/core';
import { ConfidedControls } from '../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../dataProtection/ConfidedNotice.tsx';

/**
 * § 65 SGB VIII on a § 8a check: the marking in words, why the steps cannot be recorded by whoever sees the
 * placeholder (dates, urgency, status and result stay visible for the deadlines), and the controls for its author.
 */
export function CheckConfided({
  detail,
  check,
  readOnly,
}: {
  detail: CaseDetail;
  check: CpCheck;
  readOnly: boolean;
}) {
  const mark = check.confided;
  if (!mark && (readOnly || !check.mayMarkConfided)) return null;
  return (
    <Stack gap="xs">
      {mark && (
        <Group gap="xs">
          <ConfidedBadge withheld={mark.withheld} />
        </Group>
      )}
      {mark?.withheld && (
        <Alert color="grape" title="Die Texte dieser Gefährdungseinschätzung sind anvertraut" role="note">
          Sie wurden {mark.confidedTo.name} anvertraut (§ 65 SGB VIII). Daten, Fristen, Dringlichkeit und
          Ergebnis bleiben sichtbar; Schritte erfassen kann nur, wer die Texte sehen darf.
        </Alert>
      )}
      <ConfidedControls
        detail={detail}
        itemType="child_protection_check"
        itemId={check.id}
        mark={mark}
        what={`Gefährdungseinschätzung für ${check.child.name}`}
        readOnly={readOnly}
        mayMark={check.mayMarkConfided}
      />
    </Stack>
  );
}
