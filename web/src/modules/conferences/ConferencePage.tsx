import {
  type ConferenceDetail,
  type ConferenceItem,
  conferenceRubrics,
  formatDateDe,
} from '@leuchtturm/shared';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { ItemForm, MinutesForm, NeedForm } from './ConferenceForms.tsx';
import { folderUrl, useConference } from './queries.ts';

type Dialog = 'fallberatung' | 'kurzberatung' | 'tipps_themen' | 'bedarfsrunde' | 'minutes' | null;

/** One Wochenkonferenz: the five rubrics, attendance and minutes, and the folder as PDF. */
export function ConferencePage() {
  const { conferenceId } = useParams({ from: '/app/konferenzen/$conferenceId' });
  const conference = useConference(conferenceId);
  if (conference.isPending) return <Loading />;
  if (conference.isError)
    return <ErrorAlert error={conference.error} title="Wochenkonferenz nicht geladen" />;
  return <ConferenceView conference={conference.data} />;
}

function Rubric({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function ItemList({ items }: { items: ConferenceItem[] }) {
  if (items.length === 0) return <Text c="gray.8">Keine Punkte.</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ paddingLeft: '1.2rem' }}>
      {items.map((item) => (
        <li key={item.id}>
          <Text fw={600}>{item.title}</Text>
          {item.body && <Text size="sm">{item.body}</Text>}
          <Group gap="xs">
            {item.case && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/faelle/$caseId" params={{ caseId: item.case?.id ?? '' }} {...props} />
                )}
              >
                Fall {item.case.caseNumber}
              </Anchor>
            )}
            {item.need && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link to="/bedarfe/$needId" params={{ needId: item.need?.id ?? '' }} {...props} />
                )}
              >
                Bedarf: {item.need.text}
              </Anchor>
            )}
            {item.microProject && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link
                    to="/mikroprojekte/$projectId"
                    params={{ projectId: item.microProject?.id ?? '' }}
                    {...props}
                  />
                )}
              >
                Mikroprojekt: {item.microProject.name}
              </Anchor>
            )}
            {item.createdBy && (
              <Text size="sm" c="gray.8">
                eingebracht von {item.createdBy}
              </Text>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function ConferenceView({ conference }: { conference: ConferenceDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const of = (rubric: ConferenceItem['rubric']) => conference.items.filter((i) => i.rubric === rubric);
  const add = (rubric: Exclude<Dialog, null | 'minutes'>, label: string) =>
    conference.mayManage ? (
      <Button size="xs" variant="default" onClick={() => setDialog(rubric)}>
        {label}
      </Button>
    ) : undefined;
  const present = conference.members.filter((m) => m.present);
  return (
    <Page title={`Wochenkonferenz am ${formatDateDe(conference.heldOn)}`}>
      <Group>
        <Text>{conference.team.name}</Text>
        <Button component="a" href={folderUrl(conference.id)} download variant="default">
          Wochenkonferenzmappe (PDF)
        </Button>
        {conference.mayManage && (
          <Button onClick={() => setDialog('minutes')}>Protokoll und Anwesenheit</Button>
        )}
      </Group>
      <Rubric
        title={conferenceRubrics.labels.fallberatung}
        action={add('fallberatung', 'Fallberatung aufnehmen')}
      >
        <ItemList items={of('fallberatung')} />
      </Rubric>
      <Rubric
        title={conferenceRubrics.labels.kurzberatung}
        action={add('kurzberatung', 'Kurzberatung aufnehmen')}
      >
        <ItemList items={of('kurzberatung')} />
      </Rubric>
      <Rubric title={conferenceRubrics.labels.tipps_themen} action={add('tipps_themen', 'Thema aufnehmen')}>
        <ItemList items={of('tipps_themen')} />
      </Rubric>
      <Rubric title={conferenceRubrics.labels.bedarfsrunde} action={add('bedarfsrunde', 'Bedarf erfassen')}>
        <ItemList items={of('bedarfsrunde')} />
      </Rubric>
      <Rubric title="Tipps aus abgeschlossenen Fällen">
        <Text size="sm" c="gray.8">
          Fälle des Teams, abgeschlossen nach dem {formatDateDe(conference.closedAfter)} bis zu dieser
          Konferenz.
        </Text>
        {conference.closingTips.length === 0 ? (
          <Text c="gray.8">Kein Fall abgeschlossen.</Text>
        ) : (
          <DataTable caption="Tipps aus abgeschlossenen Fällen" headers={['Fall', 'Abgeschlossen', 'Tipp']}>
            {conference.closingTips.map((t) => (
              <Table.Tr key={`${t.caseId}-${t.closedOn}`}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/faelle/$caseId" params={{ caseId: t.caseId }} {...props} />
                    )}
                  >
                    {t.caseNumber}
                  </Anchor>
                  {t.reopened && (
                    <Badge ml="xs" variant="light" color="gray" tt="none">
                      wieder aufgenommen
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateDe(t.closedOn)}</Table.Td>
                <Table.Td>{t.tip ?? 'kein Tipp notiert'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Rubric>
      <Rubric title="Anwesenheit und Protokoll">
        <Text>
          {present.length > 0
            ? `Anwesend: ${present.map((m) => m.name).join(', ')}`
            : 'Keine Anwesenheit erfasst.'}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{conference.minutes || 'Noch kein Protokoll.'}</Text>
      </Rubric>
      {dialog === 'minutes' && <MinutesForm conference={conference} onClose={close} />}
      {dialog === 'bedarfsrunde' && <NeedForm conference={conference} onClose={close} />}
      {(dialog === 'fallberatung' || dialog === 'kurzberatung' || dialog === 'tipps_themen') && (
        <ItemForm conference={conference} rubric={dialog} onClose={close} />
      )}
    </Page>
  );
}
