import { endReasons, formatDateDe, formatMoney, type Measure, measureStatuses } from '@leuchtturm/shared';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { type ConfidedCase, ConfidedControls } from '../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../dataProtection/ConfidedNotice.tsx';
import { ApproveModal, measureName, providerLabel } from './ApproveModal.tsx';
import { EndMeasureForm } from './EndMeasureForm.tsx';
import { FamilyStatisticsForm } from './FamilyStatisticsForm.tsx';
import { MeasureForm } from './MeasureForm.tsx';
import { MeasureStatisticsForm } from './MeasureStatisticsForm.tsx';
import { helpTypeLabel, rateLabel, useCaseMeasures, useLoadedMeasure } from './queries.ts';
import { WithdrawModal } from './WithdrawModal.tsx';

export interface CaseMeasuresProps {
  caseId: string;
  /**
   * Only an open case gets new measures or approvals; on a closed case, help still running or planned (from before
   * closing decided on it) can be ended or withdrawn.
   */
  caseOpen: boolean;
  /** The case's opening date: a help that begins before it needs a reason. */
  openedOn: string;
  /** The household's members; the young person of a measure is one of them. */
  members: readonly { person: { id: string; firstName: string; lastName: string }; role: string }[];
  helpPlans: readonly { id: string; versionNo: number }[];
  /** The viewer is the lead of the case's team and approves planned measures. */
  canApprove: boolean;
  /** § 65: the case as the marking controls need it (whom to confide in or share with). */
  confidedCase: ConfidedCase;
  /** The case is read only for the viewer (no marking). */
  readOnly: boolean;
}

/** The status as a short badge; what a planned measure waits for stands beneath it, so the badge never wraps. */
export function StatusBadge({ measure }: { measure: Measure }) {
  const color = { geplant: 'yellow', bewilligt: 'green', zurueckgezogen: 'gray' }[measure.status];
  return (
    <Stack gap={2} align="flex-start">
      {/* Never narrower than its word: a squeezed table column would otherwise cut the label off. */}
      <Badge color={color} variant="light" tt="none" size="lg" miw="max-content">
        {measureStatuses.labels[measure.status]}
      </Badge>
      {measure.status === 'geplant' && <Text size="sm">wartet auf Bewilligung</Text>}
      {measure.approvedBy && measure.approvedAt && (
        <Text size="sm">
          von {measure.approvedBy} am {formatDateDe(measure.approvedAt.slice(0, 10))}
        </Text>
      )}
    </Stack>
  );
}

/** Begin, planned end and end of a measure in one cell. */
function Period({ measure: m }: { measure: Measure }) {
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        ab {formatDateDe(m.beginOn)}
      </Text>
      {m.beginReason && <Text size="sm">vor Falleingang: {m.beginReason}</Text>}
      {m.endOn ? (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            beendet am {formatDateDe(m.endOn)}
          </Text>
          {m.endReason && <Text size="sm">{endReasons.labels[m.endReason]}</Text>}
        </>
      ) : (
        m.plannedEndOn && (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            geplant bis {formatDateDe(m.plannedEndOn)}
          </Text>
        )
      )}
      {m.overrun && (
        <Badge color="red.9" variant="outline" tt="none" mt={4} miw="max-content">
          läuft über das geplante Ende
        </Badge>
      )}
      {m.withdrawReason && <Text size="sm">Zurückgezogen: {m.withdrawReason}</Text>}
    </>
  );
}

const headers = [
  'Junge Person',
  'Hilfeart',
  'Träger / Angebot',
  'Zeitraum',
  'Satz',
  'Monatlich geschätzt',
  'Status',
];

/**
 * The case's measures (Hilfen) with their cost estimate and approval; "Hilfe anlegen", and per measure "Bewilligen"
 * and "Zurückziehen" (planned) or "Beenden" (approved and running).
 */
export function CaseMeasures({
  caseId,
  caseOpen,
  openedOn,
  members,
  helpPlans,
  canApprove,
  confidedCase,
  readOnly,
}: CaseMeasuresProps) {
  const measures = useCaseMeasures(caseId);
  const creator = useModalState<true>();
  const ender = useModalState<Measure>();
  const approver = useModalState<Measure>();
  const withdrawer = useModalState<Measure>();
  const statistics = useModalState<Measure>();
  const familyStatistics = useModalState<true>();
  const current = useLoadedMeasure(caseId);
  // A planned measure is approved or withdrawn; an approved one that runs is ended; a withdrawn one is done.
  // § 65: who sees the placeholder of the reasons cannot write a withdrawal reason over them (the server refuses).
  const canWithdraw = (m: Measure) => m.status === 'geplant' && !m.confided?.withheld;
  const canEnd = (m: Measure) => m.status === 'bewilligt' && m.endOn === null;
  // An approved help is reported to the official statistics: its coded fields are asked for here.
  const hasStatistics = (m: Measure) => m.status === 'bewilligt';
  const actions = (m: Measure) => canWithdraw(m) || canEnd(m) || hasStatistics(m);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text maw={640}>
          Hilfen des Falls mit Träger, Satz und den geschätzten Kosten im Monat. Hilfen über der Betragsgrenze
          bleiben geplant, bis die Referatsleitung sie bewilligt; bis dahin kosten sie nichts.
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => familyStatistics.open(true)}>
            Statistik der Familie
          </Button>
          {caseOpen && <Button onClick={() => creator.open(true)}>Hilfe anlegen</Button>}
        </Group>
      </Group>
      <QueryState query={measures} empty="Für diesen Fall sind noch keine Hilfen angelegt.">
        {(items) => (
          <DataTable
            caption={`${items.length} ${items.length === 1 ? 'Hilfe' : 'Hilfen'}`}
            headers={items.some(actions) ? [...headers, 'Aktionen'] : headers}
            minWidth={900}
          >
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.personName}</Table.Td>
                <Table.Td>
                  {helpTypeLabel(m.helpType)}
                  {m.confided && (
                    <Group gap="xs" mt={4}>
                      <ConfidedBadge withheld={m.confided.withheld} />
                    </Group>
                  )}
                  <ConfidedControls
                    detail={confidedCase}
                    itemType="measure"
                    itemId={m.id}
                    mark={m.confided}
                    what={`Hilfe ${measureName(m)}`}
                    readOnly={readOnly}
                    mayMark={m.mayMarkConfided}
                  />
                </Table.Td>
                <Table.Td>{providerLabel(m)}</Table.Td>
                <Table.Td>
                  <Period measure={m} />
                </Table.Td>
                <Table.Td>
                  {m.rate ? rateLabel(m.unit, m.rate) : '–'}
                  {m.hoursPerWeek && (
                    <Text size="sm">{m.hoursPerWeek.replace('.', ',')} Stunden je Woche</Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(m.monthlyEstimate)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge measure={m} />
                </Table.Td>
                {items.some(actions) && (
                  <Table.Td>
                    <Group gap="xs">
                      {canWithdraw(m) && caseOpen && canApprove && (
                        <Button
                          size="xs"
                          onClick={() => approver.open(m)}
                          aria-label={`${measureName(m)} bewilligen`}
                        >
                          Bewilligen
                        </Button>
                      )}
                      {canWithdraw(m) && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => withdrawer.open(m)}
                          aria-label={`${measureName(m)} zurückziehen`}
                        >
                          Zurückziehen
                        </Button>
                      )}
                      {canEnd(m) && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => ender.open(m)}
                          aria-label={`${measureName(m)} beenden`}
                        >
                          Beenden
                        </Button>
                      )}
                      {hasStatistics(m) && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => statistics.open(m)}
                          aria-label={`Statistik zu ${measureName(m)}`}
                        >
                          Statistik
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {creator.value !== null && (
        <MeasureForm
          key={creator.key}
          caseId={caseId}
          openedOn={openedOn}
          members={members}
          helpPlans={helpPlans}
          opened={creator.opened}
          onClose={creator.close}
        />
      )}
      {ender.value !== null && (
        <EndMeasureForm
          key={ender.key}
          measure={ender.value}
          current={() => (ender.value ? current(ender.value.id) : undefined)}
          opened={ender.opened}
          onClose={ender.close}
        />
      )}
      <ApproveModal
        key={approver.key}
        measure={approver.value}
        opened={approver.opened}
        onClose={approver.close}
      />
      {statistics.value !== null && (
        <MeasureStatisticsForm
          key={statistics.key}
          measure={statistics.value}
          opened={statistics.opened}
          onClose={statistics.close}
        />
      )}
      {familyStatistics.value !== null && (
        <FamilyStatisticsForm
          key={familyStatistics.key}
          caseId={caseId}
          opened={familyStatistics.opened}
          onClose={familyStatistics.close}
        />
      )}
      <WithdrawModal
        key={withdrawer.key}
        measure={withdrawer.value}
        opened={withdrawer.opened}
        onClose={withdrawer.close}
      />
    </Stack>
  );
}
