import { endReasons, formatDateDe, formatMoney, type Measure } from '@leuchtturm/shared';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { ApproveModal, measureName, providerLabel } from './ApproveModal.tsx';
import { EndMeasureForm } from './EndMeasureForm.tsx';
import { MeasureForm } from './MeasureForm.tsx';
import { helpTypeLabel, rateLabel, useCaseMeasures, useLoadedMeasure } from './queries.ts';

export interface CaseMeasuresProps {
  caseId: string;
  /** Only an open case gets new measures or changes to its measures. */
  caseOpen: boolean;
  /** The household's members; the young person of a measure is one of them. */
  members: readonly { person: { id: string; firstName: string; lastName: string }; role: string }[];
  helpPlans: readonly { id: string; versionNo: number }[];
  /** The viewer is the lead of the case's team and approves planned measures. */
  canApprove: boolean;
}

// A badge's label is cut off with "…" by default; the status must stay readable in a narrow column.
const wrapping = {
  root: { height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const;

export function StatusBadge({ measure }: { measure: Measure }) {
  return measure.status === 'bewilligt' ? (
    <Badge color="green" variant="light" tt="none" size="lg" styles={wrapping}>
      bewilligt
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" tt="none" size="lg" styles={wrapping}>
      geplant — wartet auf Bewilligung
    </Badge>
  );
}

const headers = [
  'Junge Person',
  'Hilfeart',
  'Träger / Angebot',
  'Beginn',
  'Geplantes Ende',
  'Ende',
  'Stunden/Woche',
  'Satz',
  'Monatlich geschätzt',
  'Status',
];

/** The case's measures (Hilfen) with their cost estimate and approval; "Hilfe anlegen", "Beenden", "Bewilligen". */
export function CaseMeasures({ caseId, caseOpen, members, helpPlans, canApprove }: CaseMeasuresProps) {
  const measures = useCaseMeasures(caseId);
  const creator = useModalState<true>();
  const ender = useModalState<Measure>();
  const approver = useModalState<Measure>();
  const current = useLoadedMeasure(caseId);
  const actions = (m: Measure) => caseOpen && (m.endOn === null || (canApprove && m.status === 'geplant'));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text maw={640}>
          Hilfen des Falls mit Träger, Satz und den geschätzten Kosten im Monat. Über der Betragsgrenze
          bewilligt die Referatsleitung.
        </Text>
        {caseOpen && <Button onClick={() => creator.open(true)}>Hilfe anlegen</Button>}
      </Group>
      <QueryState query={measures} empty="Für diesen Fall sind noch keine Hilfen angelegt.">
        {(items) => (
          <DataTable
            caption={`${items.length} ${items.length === 1 ? 'Hilfe' : 'Hilfen'}`}
            headers={items.some(actions) ? [...headers, 'Aktionen'] : headers}
            minWidth={1200}
          >
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.personName}</Table.Td>
                <Table.Td>{helpTypeLabel(m.helpType)}</Table.Td>
                <Table.Td>{providerLabel(m)}</Table.Td>
                <Table.Td>{formatDateDe(m.beginOn)}</Table.Td>
                <Table.Td>{formatDateDe(m.plannedEndOn)}</Table.Td>
                <Table.Td>
                  {formatDateDe(m.endOn)}
                  {m.endReason && <Text size="sm">{endReasons.labels[m.endReason]}</Text>}
                </Table.Td>
                <Table.Td ta="right">{m.hoursPerWeek ? m.hoursPerWeek.replace('.', ',') : '–'}</Table.Td>
                <Table.Td>{m.rate ? rateLabel(m.unit, m.rate) : '–'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(m.monthlyEstimate)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge measure={m} />
                  {m.approvedBy && m.approvedAt && (
                    <Text size="sm">
                      von {m.approvedBy} am {formatDateDe(m.approvedAt.slice(0, 10))}
                    </Text>
                  )}
                </Table.Td>
                {items.some(actions) && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {caseOpen && canApprove && m.status === 'geplant' && (
                        <Button
                          size="xs"
                          onClick={() => approver.open(m)}
                          aria-label={`${measureName(m)} bewilligen`}
                        >
                          Bewilligen
                        </Button>
                      )}
                      {caseOpen && m.endOn === null && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => ender.open(m)}
                          aria-label={`${measureName(m)} beenden`}
                        >
                          Beenden
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
    </Stack>
  );
}
