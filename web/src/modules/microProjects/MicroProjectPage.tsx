import {
  formatDateDe,
  formatMoney,
  formatNumber,
  type MicroProjectDetail,
  microProjectCategories,
  microProjectStatuses,
  needStatuses,
  referralRoutes,
  reviewKinds,
} from '@leuchtturm/shared';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { projectStatusColors } from './labels.ts';
import { CommitmentForm, ParticipantsForm, ReferralForm, ReviewForm } from './ProjectForms.tsx';
import { useMicroProject } from './queries.ts';

type Dialog = 'budget' | 'referral' | 'participants' | 'review' | null;

/** One micro-project: its needs, budget per year and district, referrals, participants and quality reviews. */
export function MicroProjectPage() {
  const { projectId } = useParams({ from: '/app/mikroprojekte/$projectId' });
  const project = useMicroProject(projectId);
  if (project.isPending) return <Loading />;
  if (project.isError) return <ErrorAlert error={project.error} title="Mikroprojekt nicht geladen" />;
  return <ProjectView project={project.data} />;
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="xs">
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

function ProjectView({ project: p }: { project: MicroProjectDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const action = (label: string, which: Dialog) =>
    p.mayManage ? (
      <Button size="sm" variant="default" onClick={() => setDialog(which)}>
        {label}
      </Button>
    ) : undefined;
  const throughCm = p.referrals.filter((r) => r.route === 'case_management').length;
  return (
    <Page title={p.name}>
      <InfoList
        items={[
          ['Kategorie', microProjectCategories.labels[p.category]],
          ['Stadtteile', p.districts.map((d) => d.name).join(', ')],
          ['Träger', p.provider],
          ['Zielgruppe', p.targetGroup],
          ['Zeitraum', `${formatDateDe(p.startsOn)} bis ${p.endsOn ? formatDateDe(p.endsOn) : 'offen'}`],
          [
            'Status',
            <Badge key="s" color={projectStatusColors[p.status]} variant="light" tt="none">
              {microProjectStatuses.labels[p.status]}
            </Badge>,
          ],
          ['Beschreibung', p.description],
        ]}
      />
      <Section title="Bedarfe, aus denen das Projekt entstand">
        {p.needs.length === 0 ? (
          <Text>Keine Bedarfe verknüpft.</Text>
        ) : (
          <ul>
            {p.needs.map((n) => (
              <li key={n.id}>
                <Anchor
                  renderRoot={(props) => <Link to="/bedarfe/$needId" params={{ needId: n.id }} {...props} />}
                >
                  {n.text}
                </Anchor>{' '}
                ({formatNumber(n.mentions)} Nennungen, {needStatuses.labels[n.status]})
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Budget" action={action('Budget zusagen', 'budget')}>
        {p.budget.length === 0 ? (
          <Text>Noch kein Budget zugesagt.</Text>
        ) : (
          <DataTable
            caption="Zusagen und Ausgaben je Jahr und Stadtteil"
            headers={['Jahr', 'Stadtteil', 'Zugesagt', 'Ausgegeben']}
          >
            {p.budget.map((b) => (
              <Table.Tr key={`${b.year}-${b.district.id}`}>
                <Table.Td>{b.year}</Table.Td>
                <Table.Td>{b.district.name}</Table.Td>
                <Table.Td ta="right">{formatMoney(b.committed)}</Table.Td>
                <Table.Td ta="right">{formatMoney(b.spent)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Zugänge" action={action('Zugang erfassen', 'referral')}>
        <Text>
          {formatNumber(p.referrals.length)} Zugänge, davon {formatNumber(throughCm)} über das Case
          Management.
        </Text>
        {p.referrals.length > 0 && (
          <DataTable
            caption="Zugänge, die neuesten zuerst"
            headers={['Datum', 'Stadtteil', 'Zugang', 'Über']}
          >
            {p.referrals.slice(0, 50).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateDe(r.referredOn)}</Table.Td>
                <Table.Td>{r.district.name}</Table.Td>
                <Table.Td>{referralRoutes.labels[r.route]}</Table.Td>
                <Table.Td>{r.route === 'andere' ? r.actor : r.linkedToCase ? 'mit Fallbezug' : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Teilnehmende je Quartal" action={action('Teilnehmende erfassen', 'participants')}>
        {p.participants.length === 0 ? (
          <Text>Noch keine Teilnehmenden erfasst.</Text>
        ) : (
          <DataTable caption="Teilnehmende je Quartal" headers={['Quartal', 'Teilnehmende']}>
            {p.participants.map((q) => (
              <Table.Tr key={q.quarter}>
                <Table.Td>{`${q.quarter.slice(5)} ${q.quarter.slice(0, 4)}`}</Table.Td>
                <Table.Td ta="right">{formatNumber(q.participants)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section title="Qualitätssicherung" action={action('Auswertung erfassen', 'review')}>
        {p.reviews.length === 0 ? (
          <Text>Noch keine Auswertung.</Text>
        ) : (
          <ul>
            {p.reviews.map((r) => (
              <li key={r.id}>
                {formatDateDe(r.heldOn)}, {reviewKinds.labels[r.kind]}: {r.summary}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {dialog === 'budget' && <CommitmentForm project={p} onClose={close} />}
      {dialog === 'referral' && <ReferralForm project={p} onClose={close} />}
      {dialog === 'participants' && <ParticipantsForm project={p} onClose={close} />}
      {dialog === 'review' && <ReviewForm project={p} onClose={close} />}
    </Page>
  );
}
