import {
  ageCohorts,
  formatDateDe,
  formatNumber,
  type NeedDetail,
  needSources,
  needStatuses,
} from '@leuchtturm/shared';
import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { useMergeNeed, useNeedDetail, useNeedStatus, useNeeds, useSplitNeed } from './queries.ts';
import { statusColors } from './status.ts';

/** One need: where it was named, what was merged into it (and can be split off), its status and projects. */
export function NeedDetailPage() {
  const { needId } = useParams({ from: '/app/bedarfe/$needId' });
  const need = useNeedDetail(needId);
  if (need.isPending) return <Loading />;
  if (need.isError) return <ErrorAlert error={need.error} title="Bedarf nicht geladen" />;
  return <NeedView need={need.data} />;
}

function NeedView({ need }: { need: NeedDetail }) {
  const mayManage = useCan('need:manage');
  const mayPlan = useCan('microproject:manage');
  const mayReadProjects = useCan('microproject:read');
  const status = useNeedStatus(need.id);
  const split = useSplitNeed(need.id);
  const failure = status.error ?? split.error;
  const mergedInto = need.mergedInto;
  return (
    <Page title={`Bedarf: ${need.text}`}>
      <InfoList
        items={[
          ['Stadtteil', need.district.name],
          ['Altersgruppe', ageCohorts.labels[need.ageCohort]],
          ['Nennungen', formatNumber(need.mentions)],
          [
            'Status',
            <Badge key="status" color={statusColors[need.status]} variant="light" tt="none" size="lg">
              {needStatuses.labels[need.status]}
            </Badge>,
          ],
          ['Zuerst genannt', formatDateDe(need.createdOn)],
        ]}
      />
      {mergedInto && (
        <Alert color="blue" role="note" title="Zusammengeführt">
          Dieser Bedarf zählt beim Bedarf{' '}
          <Anchor
            renderRoot={(props) => (
              <Link to="/bedarfe/$needId" params={{ needId: mergedInto.id }} {...props} />
            )}
          >
            {mergedInto.text}
          </Anchor>
          .
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} title="Nicht gespeichert" />}
      {mayManage && !need.mergedInto && (
        <Group>
          {need.status === 'erledigt' ? (
            <Button
              variant="default"
              loading={status.isPending}
              onClick={() => status.mutate({ status: 'offen', version: need.version })}
            >
              Wieder öffnen
            </Button>
          ) : (
            <Button
              variant="default"
              loading={status.isPending}
              onClick={() => status.mutate({ status: 'erledigt', version: need.version })}
            >
              Als erledigt markieren
            </Button>
          )}
          {mayPlan && (
            <Button
              renderRoot={(props) => <Link to="/mikroprojekte/neu" search={{ needId: need.id }} {...props} />}
            >
              Mikroprojekt daraus entwickeln
            </Button>
          )}
        </Group>
      )}
      <DataTable caption="Nennungen nach Quelle" headers={['Quelle', 'Nennungen']}>
        {need.sources.map((s) => (
          <Table.Tr key={s.source}>
            <Table.Td>{needSources.labels[s.source]}</Table.Td>
            <Table.Td>{formatNumber(s.mentions)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {need.merged.length > 0 && (
        <DataTable caption="Zusammengeführte Bedarfe" headers={['Bedarf', 'Nennungen', '']}>
          {need.merged.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => <Link to="/bedarfe/$needId" params={{ needId: m.id }} {...props} />}
                >
                  {m.text}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatNumber(m.mentions)}</Table.Td>
              <Table.Td>
                {mayManage && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={split.isPending}
                    onClick={() => split.mutate({ needId: m.id, version: m.version })}
                    aria-label={`Wieder abtrennen: ${m.text}`}
                  >
                    Wieder abtrennen
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {mayManage && !need.mergedInto && <MergeForm need={need} />}
      <Stack gap="xs">
        <Title order={2} size="h3">
          Mikroprojekte zu diesem Bedarf
        </Title>
        {need.microProjects.length === 0 ? (
          <Text>Noch kein Mikroprojekt greift diesen Bedarf auf.</Text>
        ) : (
          <ul>
            {need.microProjects.map((p) => (
              <li key={p.id}>
                {/* Controlling reads needs but not the projects' pages: it gets the name only. */}
                {mayReadProjects ? (
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/mikroprojekte/$projectId" params={{ projectId: p.id }} {...props} />
                    )}
                  >
                    {p.name}
                  </Anchor>
                ) : (
                  p.name
                )}
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Page>
  );
}

/** Merge a similar need of the same district and age cohort into this one. */
function MergeForm({ need }: { need: NeedDetail }) {
  const others = useNeeds({ districtId: need.district.id, ageCohort: need.ageCohort });
  const merge = useMergeNeed(need.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const options = (others.data ?? [])
    .filter((n) => n.id !== need.id)
    .map((n) => ({ value: n.id, label: `${n.text} (${formatNumber(n.mentions)})` }));
  const candidate = chosen ? (others.data ?? []).find((n) => n.id === chosen) : undefined;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Ähnlichen Bedarf zusammenführen
      </Title>
      <Group align="flex-end">
        <Select
          label="Bedarf desselben Stadtteils und derselben Altersgruppe"
          data={options}
          value={chosen}
          onChange={setChosen}
          searchable
          w={420}
          error={merge.isError ? errorMessage(merge.error) : undefined}
        />
        <Button
          disabled={!candidate}
          loading={merge.isPending}
          onClick={() => {
            if (!candidate) return;
            // The list shows no versions; a merge of a need changed meanwhile is refused (409) and shown.
            merge.mutate(
              { needId: candidate.id, version: candidate.version },
              { onSuccess: () => setChosen(null) },
            );
          }}
        >
          Zusammenführen
        </Button>
      </Group>
    </Stack>
  );
}
