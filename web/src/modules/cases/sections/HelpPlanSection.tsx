import { formatDateDe } from '@leuchtturm/shared';
import { Alert, Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { formUrl } from '../caseQueries.ts';
import { HelpPlanCompare } from './HelpPlanCompare.tsx';
import { HelpPlanForm } from './HelpPlanForm.tsx';
import { DownloadLink, type SectionProps } from './ui.tsx';

/** Hilfeplan (§ 36 SGB VIII): the unchanged versions, the form for the first plan or its continuation. */
export function HelpPlanSection({ detail, readOnly }: SectionProps) {
  const plans = detail.helpPlans;
  const latest = plans.at(-1) ?? null;
  const versionNo = (id: string | null) => plans.find((p) => p.id === id)?.versionNo;
  const noGoals = detail.willAndGoals.version === 0;

  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Fassungen des Hilfeplans
        </Title>
        {plans.length === 0 ? (
          <Text>Noch kein Hilfeplan erstellt.</Text>
        ) : (
          <DataTable
            caption="Jede Fassung bleibt unverändert; eine Fortschreibung ersetzt sie."
            headers={['Fassung', 'Gespräch am', 'Überprüfung bis', 'Stand', 'Formulare']}
            minWidth={720}
          >
            {[...plans].reverse().map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    Fassung {plan.versionNo}
                    {plan.confided && <ConfidedBadge withheld={plan.confided.withheld} />}
                    <ConfidedControls
                      detail={detail}
                      itemType="help_plan"
                      itemId={plan.id}
                      mark={plan.confided}
                      what={`Hilfeplan, Fassung ${plan.versionNo}`}
                      readOnly={readOnly}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td>{formatDateDe(plan.meetingOn)}</Table.Td>
                <Table.Td>{formatDateDe(plan.reviewOn)}</Table.Td>
                <Table.Td>
                  {plan.supersededBy
                    ? `ersetzt durch Fassung ${versionNo(plan.supersededBy) ?? '?'}`
                    : 'aktuell'}
                </Table.Td>
                <Table.Td>
                  <Group gap="md">
                    <DownloadLink
                      href={formUrl(detail.id, 'hilfeplan', plan.id)}
                      label={`Hilfeplan (PDF), Fassung ${plan.versionNo}`}
                    >
                      Hilfeplan (PDF)
                    </DownloadLink>
                    <DownloadLink
                      href={formUrl(detail.id, 'antrag', plan.id)}
                      label={`Antrag (PDF), Fassung ${plan.versionNo}`}
                    >
                      Antrag (PDF)
                    </DownloadLink>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      {!readOnly && latest?.confided?.withheld ? (
        <Alert color="grape" title="Keine Fortschreibung: der aktuelle Hilfeplan ist anvertraut" role="note">
          Fassung {latest.versionNo} wurde {latest.confided.confidedTo.name} anvertraut (§ 65 SGB VIII).
          Fortschreiben kann sie nur, wer den Inhalt sehen darf.
        </Alert>
      ) : (
        !readOnly &&
        (noGoals ? (
          <Alert color="yellow" title="Zuerst Wille und Ziele erfassen" role="note">
            <Text size="sm">
              Der Hilfeplan übernimmt Richtungsziel und Handlungsziele der Familie. Bitte erfassen Sie zuerst{' '}
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link
                    to="/faelle/$caseId"
                    params={{ caseId: detail.id }}
                    search={{ bereich: 'wille-und-ziele' }}
                    {...props}
                  />
                )}
              >
                Wille und Ziele
              </Anchor>
              .
            </Text>
          </Alert>
        ) : (
          <HelpPlanForm key={latest?.id ?? 'erste-fassung'} detail={detail} latest={latest} />
        ))
      )}
      {plans.length >= 2 && <HelpPlanCompare plans={plans} />}
    </>
  );
}
