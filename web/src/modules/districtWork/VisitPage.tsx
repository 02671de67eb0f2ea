import { formatDateDe, type InstitutionVisitDetail } from '@leuchtturm/shared';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { useVisit } from './queries.ts';
import { NeedFromRecordForm } from './RecordForms.tsx';
import { NamedNeeds, Section } from './ui.tsx';
import { VisitForm } from './VisitForm.tsx';

/** One Institutionenbesuch: the fixed card, its follow-ups and the needs it named. */
export function VisitPage() {
  const { visitId } = useParams({ from: '/app/sozialraum/besuche/$visitId' });
  const visit = useVisit(visitId);
  if (visit.isPending) return <Loading />;
  if (visit.isError) return <ErrorAlert error={visit.error} title="Besuch nicht geladen" />;
  return <VisitView visit={visit.data} onReload={() => visit.refetch()} />;
}

function VisitView({ visit: v, onReload }: { visit: InstitutionVisitDetail; onReload: () => unknown }) {
  const [dialog, setDialog] = useState<'edit' | 'need' | null>(null);
  const close = () => setDialog(null);
  return (
    <Page title={`Besuch: ${v.institutionName}`}>
      <Group>
        <Anchor renderRoot={(props) => <Link to="/sozialraum" {...props} />}>Zurück zum Sozialraum</Anchor>
        <Button variant="default" onClick={() => setDialog('edit')}>
          Besuch ändern
        </Button>
        <Button variant="default" onClick={() => setDialog('need')}>
          Bedarf erfassen
        </Button>
      </Group>
      <InfoList
        items={[
          ['Stadtteil', v.district.name],
          ['Besucht am', formatDateDe(v.visitedOn)],
          ['Besucht von', v.visitor.name],
          ['Angebote', v.offers],
          ['Ansprechpersonen', v.contacts],
          ['Zugangswege', v.accessRoutes],
          ['Bedarfe aus Sicht der Institution', v.needsSeen],
          ['Vereinbarungen', v.agreements],
        ]}
      />
      <Section title="Wiedervorlagen">
        {v.followUps.length === 0 ? (
          <Text c="gray.8">Keine Wiedervorlagen.</Text>
        ) : (
          <DataTable caption="Wiedervorlagen des Besuchs" headers={['Datum', 'Was ist zu tun', 'Stand']}>
            {v.followUps.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{formatDateDe(f.dueOn)}</Table.Td>
                <Table.Td>{f.text}</Table.Td>
                <Table.Td>{f.done ? 'erledigt' : 'offen'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Bedarfe aus diesem Besuch">
        <NamedNeeds needs={v.needs} />
      </Section>
      {dialog === 'edit' && <VisitForm opened onClose={close} visit={v} onReload={onReload} />}
      {dialog === 'need' && (
        <NeedFromRecordForm opened onClose={close} path={`/district-work/visits/${v.id}`} />
      )}
    </Page>
  );
}
