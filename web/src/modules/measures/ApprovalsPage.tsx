import { formatDateDe, formatMoney, type Measure } from '@leuchtturm/shared';
import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useUser } from '../../app/auth.ts';
import { LoadMore } from '../../app/components/LoadMore.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { ApproveModal, measureName, providerLabel } from './ApproveModal.tsx';
import { helpTypeLabel, useApprovals } from './queries.ts';

const columns: { label: string; numeric?: boolean }[] = [
  { label: 'Aktenzeichen' },
  { label: 'Junge Person' },
  { label: 'Hilfe' },
  { label: 'Träger' },
  { label: 'Beginn' },
  { label: 'Monatlich geschätzt', numeric: true },
  { label: 'Aktionen' },
];

/** Bewilligungen: the planned measures of the team lead's team above the approval limit, oldest first. */
export function ApprovalsPage() {
  const user = useUser();
  const approvals = useApprovals();
  const approver = useModalState<Measure>();

  return (
    <Page title="Bewilligungen">
      <Text maw={720}>
        {user.roles.includes('team_lead')
          ? 'Hilfen Ihres Teams, deren geschätzte Kosten über der Betragsgrenze liegen. Sie kosten erst ab der Bewilligung.'
          : 'Hier bewilligt die Referatsleitung die Hilfen ihres Teams über der Betragsgrenze.'}
      </Text>
      <div aria-busy={approvals.isFetching}>
        <QueryState query={approvals} empty="Keine Hilfen warten auf Ihre Bewilligung.">
          {(items) => (
            <>
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover captionSide="top" verticalSpacing="xs">
                  <Table.Caption>Hilfen, die auf Ihre Bewilligung warten, die ältesten zuerst</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th key={c.label} scope="col" ta={c.numeric ? 'right' : undefined}>
                          {c.label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Anchor
                            fw={600}
                            size="sm"
                            renderRoot={(props) => (
                              <Link to="/faelle/$caseId" params={{ caseId: m.caseId }} {...props} />
                            )}
                          >
                            {m.caseNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{m.personName}</Table.Td>
                        <Table.Td>{helpTypeLabel(m.helpType)}</Table.Td>
                        <Table.Td>{providerLabel(m)}</Table.Td>
                        <Table.Td>{formatDateDe(m.beginOn)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatMoney(m.monthlyEstimate)}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            onClick={() => approver.open(m)}
                            aria-label={`${measureName(m)} bewilligen`}
                          >
                            Bewilligen
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <LoadMore query={approvals} count={items.length} noun={['Hilfe', 'Hilfen']} />
            </>
          )}
        </QueryState>
      </div>
      <ApproveModal
        key={approver.key}
        measure={approver.value}
        opened={approver.opened}
        onClose={approver.close}
      />
    </Page>
  );
}
