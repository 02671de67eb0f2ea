import {
  berlinDateOf,
  type CaseDetail,
  formatDateDe,
  legalBases,
  recipientKinds,
  transmissionDocumentKinds,
} from '@leuchtturm/shared';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { ErrorAlert, Loading } from '../../../app/QueryState.tsx';
import type { SectionProps } from '../sections/ui.tsx';
import { useTransmissions } from './handoverQueries.ts';
import { MoveCaseDialog } from './MoveCaseDialog.tsx';
import { TransferDialog } from './TransferDialog.tsx';
import { HandoverPackageDialog, ReportDialog } from './TransmissionDialog.tsx';

type Action = 'move' | 'transfer' | 'report' | 'package';

/**
 * Übergaben und Übermittlungen: moving the case to another team, handing it to another Jugendamt (§ 86c) and its
 * package, reports for institutions, and the list of everything that left the office (docs/handovers.md).
 */
export function HandoversSection({ detail, readOnly }: SectionProps) {
  const dialog = useModalState<Action>();
  const transferred =
    detail.status === 'abgeschlossen' && detail.closing?.reason === 'zustaendigkeitswechsel';
  const props = { detail, opened: dialog.opened, onClose: dialog.close };
  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Übergaben
        </Title>
        <Group gap="sm">
          {!readOnly && detail.mayHandOver && (
            <>
              <Button variant="default" onClick={() => dialog.open('move')}>
                Fall umziehen
              </Button>
              <Button variant="default" onClick={() => dialog.open('transfer')}>
                Abgabe an anderes Jugendamt (§ 86c)
              </Button>
            </>
          )}
          {transferred && detail.mayHandOver && (
            <Button variant="default" onClick={() => dialog.open('package')}>
              Übergabepaket erstellen (§ 86c)
            </Button>
          )}
          <Button variant="default" onClick={() => dialog.open('report')}>
            Bericht für eine Stelle erstellen
          </Button>
        </Group>
        {!detail.mayHandOver && (
          <Text size="sm">
            Umzug und Abgabe des Falls veranlassen die Referatsleitung des Teams oder die fallführende
            Fachkraft.
          </Text>
        )}
      </Stack>
      <Transmissions detail={detail} />
      {dialog.value === 'move' && <MoveCaseDialog key={dialog.key} {...props} />}
      {dialog.value === 'transfer' && <TransferDialog key={dialog.key} {...props} />}
      {dialog.value === 'report' && <ReportDialog key={dialog.key} {...props} />}
      {dialog.value === 'package' && <HandoverPackageDialog key={dialog.key} {...props} />}
    </>
  );
}

function Transmissions({ detail }: { detail: CaseDetail }) {
  const query = useTransmissions(detail.id);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Übermittlungen
      </Title>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} title="Übermittlungen nicht geladen" />
      ) : query.data.length === 0 ? (
        <Text>Aus diesem Fall wurde noch nichts an eine Stelle übermittelt.</Text>
      ) : (
        <DataTable
          caption="Was aus diesem Fall an wen übermittelt wurde, auf welcher Grundlage, von wem und wann."
          headers={['Datum', 'Dokument', 'Empfänger', 'Grundlage', 'Übermittelt von']}
          minWidth={900}
        >
          {query.data.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{formatDateDe(berlinDateOf(new Date(t.transmittedAt)))}</Table.Td>
              <Table.Td>{transmissionDocumentKinds.labels[t.documentKind]}</Table.Td>
              <Table.Td>
                {t.recipient} ({recipientKinds.labels[t.recipientKind]})
              </Table.Td>
              <Table.Td>
                {t.legalBasis
                  ? legalBases.labels[t.legalBasis]
                  : `Schweigepflichtentbindung von ${t.consent?.personName ?? 'unbekannt'}`}
              </Table.Td>
              <Table.Td>{t.transmittedBy?.name ?? 'unbekannt'}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
