import { ageCohorts, districtTalkKinds, formatDateDe } from '@leuchtturm/shared';
import { Anchor, Button, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { NetworkForm } from './NetworkForm.tsx';
import { useInstitutions, useNetworks, useTalks, useVisits, useWalks } from './queries.ts';
import { NeedFromRecordForm, TalkForm, WalkForm } from './RecordForms.tsx';
import { Section } from './ui.tsx';
import { VisitForm } from './VisitForm.tsx';

type Dialog = 'visit' | 'walk' | 'talk' | 'network' | null;

/** Sozialraum: the team's case-independent work (visits, walks, explorations and talks) and its networks. */
export function DistrictWorkPage() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Page title="Sozialraum: fallunabhängige Arbeit und Netzwerke">
      <Text maw={760}>
        Institutionenbesuche, Stadtteilbegehungen, Erkundungen nach Beratungsgesprächen, fallunabhängige
        Gespräche und die Netzwerke Ihres Teams. Hier stehen keine Daten von Klientinnen und Klienten.
      </Text>
      <Tabs defaultValue="besuche" keepMounted={false}>
        <Tabs.List aria-label="Bereiche der Arbeit im Sozialraum">
          <Tabs.Tab value="besuche">Institutionenbesuche</Tabs.Tab>
          <Tabs.Tab value="begehungen">Stadtteilbegehungen</Tabs.Tab>
          <Tabs.Tab value="gespraeche">Erkundungen und Gespräche</Tabs.Tab>
          <Tabs.Tab value="netzwerke">Netzwerke</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="besuche" pt="lg">
          <Visits onNew={() => setDialog('visit')} />
        </Tabs.Panel>
        <Tabs.Panel value="begehungen" pt="lg">
          <Walks onNew={() => setDialog('walk')} />
        </Tabs.Panel>
        <Tabs.Panel value="gespraeche" pt="lg">
          <Talks onNew={() => setDialog('talk')} />
        </Tabs.Panel>
        <Tabs.Panel value="netzwerke" pt="lg">
          <Networks onNew={() => setDialog('network')} />
        </Tabs.Panel>
      </Tabs>
      <VisitForm opened={dialog === 'visit'} onClose={close} />
      <WalkForm opened={dialog === 'walk'} onClose={close} />
      <TalkForm opened={dialog === 'talk'} onClose={close} />
      <NetworkForm opened={dialog === 'network'} onClose={close} />
    </Page>
  );
}

function Visits({ onNew }: { onNew: () => void }) {
  const [institution, setInstitution] = useState<string | undefined>(undefined);
  const visits = useVisits(institution);
  const institutions = useInstitutions();
  return (
    <Stack gap="xl">
      <Section
        title={institution ? `Besuche bei ${institution}` : 'Besuche des Teams'}
        action={<Button onClick={onNew}>Besuch erfassen</Button>}
      >
        {institution && (
          <Button variant="subtle" w="fit-content" onClick={() => setInstitution(undefined)}>
            Alle Besuche zeigen
          </Button>
        )}
        <QueryState query={visits} empty="Noch keine Institutionenbesuche erfasst.">
          {(items) => (
            <DataTable
              caption="Institutionenbesuche, die neuesten zuerst"
              headers={['Institution', 'Stadtteil', 'Besucht am', 'Besucht von', 'Offene Wiedervorlagen']}
            >
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/sozialraum/besuche/$visitId" params={{ visitId: v.id }} {...props} />
                      )}
                    >
                      {v.institutionName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{v.district.name}</Table.Td>
                  <Table.Td>{formatDateDe(v.visitedOn)}</Table.Td>
                  <Table.Td>{v.visitor.name}</Table.Td>
                  <Table.Td ta="right">{v.openFollowUps}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
      <Section title="Besuchte Institutionen">
        <QueryState query={institutions} empty="Noch keine Institution besucht.">
          {(items) => (
            <DataTable
              caption="Institutionen mit Zahl der Besuche"
              headers={['Institution', 'Stadtteil', 'Besuche', 'Zuletzt']}
            >
              {items.map((i) => (
                <Table.Tr key={`${i.institutionName}-${i.district.id}`}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setInstitution(i.institutionName)}
                    >
                      {i.institutionName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.district.name}</Table.Td>
                  <Table.Td ta="right">{i.visits}</Table.Td>
                  <Table.Td>{formatDateDe(i.lastVisitedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

/** The "Bedarf erfassen" button of a row and its dialog. */
function useNeedDialog() {
  const modal = useModalState<string>();
  const dialog = (
    <NeedFromRecordForm
      key={modal.key}
      opened={modal.opened}
      onClose={modal.close}
      path={modal.value ?? ''}
    />
  );
  return { open: modal.open, dialog };
}

function Walks({ onNew }: { onNew: () => void }) {
  const walks = useWalks();
  const need = useNeedDialog();
  return (
    <Section title="Stadtteilbegehungen" action={<Button onClick={onNew}>Begehung erfassen</Button>}>
      <QueryState query={walks} empty="Noch keine Stadtteilbegehung erfasst.">
        {(items) => (
          <DataTable
            caption="Stadtteilbegehungen, die neuesten zuerst"
            headers={['Datum', 'Stadtteil', 'Teilnehmende', 'Beobachtungen', 'Bedarfe', 'Aktion']}
            minWidth={900}
          >
            {items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{formatDateDe(w.walkedOn)}</Table.Td>
                <Table.Td>{w.district.name}</Table.Td>
                <Table.Td>{w.participants}</Table.Td>
                <Table.Td>{w.observations}</Table.Td>
                <Table.Td>{w.needs.map((n) => n.text).join(' · ') || '–'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => need.open(`/district-work/walks/${w.id}`)}
                  >
                    Bedarf erfassen<VisuallyHidden> (Begehung am {formatDateDe(w.walkedOn)})</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {need.dialog}
    </Section>
  );
}

function Talks({ onNew }: { onNew: () => void }) {
  const talks = useTalks();
  const need = useNeedDialog();
  return (
    <Section
      title="Erkundungen und Gespräche"
      action={<Button onClick={onNew}>Erkundung oder Gespräch erfassen</Button>}
    >
      <QueryState query={talks} empty="Noch keine Erkundung und kein Gespräch erfasst.">
        {(items) => (
          <DataTable
            caption="Erkundungen und fallunabhängige Gespräche, die neuesten zuerst"
            headers={['Datum', 'Art', 'Stadtteil', 'Thema', 'Bedarfe', 'Aktion']}
            minWidth={900}
          >
            {items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatDateDe(t.heldOn)}</Table.Td>
                <Table.Td>{districtTalkKinds.labels[t.kind]}</Table.Td>
                <Table.Td>{t.district.name}</Table.Td>
                <Table.Td>{t.topic}</Table.Td>
                <Table.Td>{t.needs.map((n) => n.text).join(' · ') || '–'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => need.open(`/district-work/talks/${t.id}`)}
                  >
                    Bedarf erfassen<VisuallyHidden> ({t.topic})</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {need.dialog}
    </Section>
  );
}

function Networks({ onNew }: { onNew: () => void }) {
  const networks = useNetworks();
  return (
    <Section title="Netzwerke nach Altersgruppen" action={<Button onClick={onNew}>Netzwerk anlegen</Button>}>
      <QueryState query={networks} empty="Noch kein Netzwerk angelegt.">
        {(items) => (
          <DataTable
            caption="Netzwerke des Teams"
            headers={['Netzwerk', 'Altersgruppe', 'Für', 'Mitglieder', 'Letztes Treffen']}
          >
            {items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/sozialraum/netzwerke/$networkId" params={{ networkId: n.id }} {...props} />
                    )}
                  >
                    {n.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ageCohorts.labels[n.ageCohort]}</Table.Td>
                <Table.Td>{n.district?.name ?? n.socialCentre?.name ?? '–'}</Table.Td>
                <Table.Td ta="right">{n.members}</Table.Td>
                <Table.Td>{n.lastMeetingOn ? formatDateDe(n.lastMeetingOn) : 'noch keines'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </Section>
  );
}
