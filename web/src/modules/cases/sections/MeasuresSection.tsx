import { Stack, Title } from '@mantine/core';
import { CaseMeasures } from '../../measures/CaseMeasures.tsx';
import type { SectionProps } from './ui.tsx';

/** Hilfen (Maßnahmen) of the case: planned, approved, withdrawn and ended help with its money side. */
export function MeasuresSection({ detail, readOnly }: SectionProps) {
  return (
    <Stack>
      <Title order={2}>Hilfen</Title>
      <CaseMeasures
        caseId={detail.id}
        caseOpen={detail.status === 'offen'}
        openedOn={detail.openedOn}
        members={detail.household.members}
        helpPlans={detail.helpPlans}
        canApprove={detail.access === 'team_lead'}
        confidedCase={detail}
        readOnly={readOnly}
      />
    </Stack>
  );
}
