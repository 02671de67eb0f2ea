import { ageCohorts, formatDateDe, type NetworkDetail } from '@leuchtturm/shared';
import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { NetworkForm } from './NetworkForm.tsx';
import { useNetwork } from './queries.ts';
import { MeetingForm, NeedFromRecordForm } from './RecordForms.tsx';
import { NamedNeeds, Section } from './ui.tsx';

/** One network: members, Geschäftsordnung, meetings with minutes, agreements and the needs they named. */
export function NetworkPage() {
  const { networkId } = useParams({ from: '/app/sozialraum/netzwerke/$networkId' });
  const network = useNetwork(networkId);
  if (network.isPending) return <Loading />;
  if (network.isError) return <ErrorAlert error={network.error} title="Netzwerk nicht geladen" />;
  return <NetworkView network={network.data} onReload={() => network.refetch()} />;
}

function NetworkView({ network: n, onReload }: { network: NetworkDetail; onReload: () => unknown }) {
  const [dialog, setDialog] = useState<
    { kind: 'edit' | 'meeting' } | { kind: 'need'; meetingId: string } | null
  >(null);
  const close = () => setDialog(null);
  return (
    <Page title={n.name}>
      <Group>
        <Anchor renderRoot={(props) => <Link to="/sozialraum" {...props} />}>Zurück zum Sozialraum</Anchor>
        <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
          Netzwerk ändern
        </Button>
        <Button onClick={() => setDialog({ kind: 'meeting' })}>Treffen erfassen</Button>
      </Group>
      <InfoList
        items={[
          ['Altersgruppe', ageCohorts.labels[n.ageCohort]],
          [
            'Für',
            n.district ? `Stadtteil ${n.district.name}` : `Sozialzentrum ${n.socialCentre?.name ?? ''}`,
          ],
          ['Mitglieder aus dem Jugendamt', n.staff.map((s) => s.name).join(', ')],
          [
            'Mitglieder von außen',
            n.externalMembers
              .map((m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name))
              .join(', '),
          ],
        ]}
      />
      <Section title="Geschäftsordnung">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{n.rulesOfProcedure || 'Noch keine Geschäftsordnung.'}</Text>
      </Section>
      <Section title="Treffen">
        {n.meetings.length === 0 ? (
          <Text c="gray.8">Noch kein Treffen erfasst.</Text>
        ) : (
          <Stack gap="sm">
            {n.meetings.map((m) => (
              <Card
                key={m.id}
                withBorder
                component="article"
                aria-label={`Treffen am ${formatDateDe(m.heldOn)}`}
              >
                <Stack gap={4}>
                  <Text fw={600}>Treffen am {formatDateDe(m.heldOn)}</Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Text>
                  {m.agreements && <Text>Vereinbarungen: {m.agreements}</Text>}
                  <NamedNeeds needs={m.needs} />
                  <Button
                    size="xs"
                    variant="default"
                    w="fit-content"
                    onClick={() => setDialog({ kind: 'need', meetingId: m.id })}
                  >
                    Bedarf aus dem Treffen am {formatDateDe(m.heldOn)} erfassen
                  </Button>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </Section>
      {dialog?.kind === 'edit' && <NetworkForm opened onClose={close} network={n} onReload={onReload} />}
      {dialog?.kind === 'meeting' && <MeetingForm opened onClose={close} networkId={n.id} />}
      {dialog?.kind === 'need' && (
        <NeedFromRecordForm
          opened
          onClose={close}
          path={`/district-work/networks/${n.id}/meetings/${dialog.meetingId}`}
          askDistrict={n.district === null}
          defaultCohort={n.ageCohort}
        />
      )}
    </Page>
  );
}
