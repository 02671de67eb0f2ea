import { ageCohorts, formatDateDe, formatNumber, needStatuses } from '@leuchtturm/shared';
import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { LoadMore } from '../../app/components/LoadMore.tsx';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { NeedTrend } from './NeedTrend.tsx';
import { useNeeds } from './queries.ts';
import { RecordNeedForm } from './RecordNeedForm.tsx';
import type { NeedsSearch } from './search.ts';
import { statusColors } from './status.ts';

const ALL = 'alle';

const statusLabels = needStatuses.labels;

const cohortOptions = [
  { value: ALL, label: 'Alle Altersgruppen' },
  ...ageCohorts.values.map((c) => ({ value: c, label: ageCohorts.labels[c] })),
];

/** Bedarfe im Sozialraum: what the districts lack, collected from case work (no personal data). */
export function NeedsPage() {
  const search = useSearch({ from: '/app/bedarfe' });
  const navigate = useNavigate({ from: '/bedarfe' });
  const districts = useDistricts();
  const needs = useNeeds(search);
  const mayRecord = useCan('need:manage');
  const [recording, setRecording] = useState(false);

  function setFilter(change: Partial<NeedsSearch>) {
    void navigate({
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as NeedsSearch;
      },
      replace: true,
    });
  }

  return (
    <Page title="Bedarfe im Sozialraum">
      <Text maw={720}>
        Welche Angebote in den Stadtteilen fehlen, gesammelt aus der Fallarbeit, etwa aus der Schlussfrage der
        kollegialen Beratung, der Bedarfsrunde, Erkundungen, Gesprächen, Besuchen und Netzwerken. Die Liste
        enthält keine Angaben zu Personen.
      </Text>
      {mayRecord && (
        <Group>
          <Button onClick={() => setRecording(true)}>Bedarf erfassen</Button>
        </Group>
      )}
      {recording && (
        <RecordNeedForm opened onClose={() => setRecording(false)} districtId={search.districtId} />
      )}
      <Group align="flex-end">
        <Select
          label="Stadtteil"
          data={[
            { value: ALL, label: 'Alle Stadtteile' },
            ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={search.districtId ?? ALL}
          onChange={(value) => setFilter({ districtId: value && value !== ALL ? value : undefined })}
          allowDeselect={false}
          searchable
          w={260}
        />
        <Select
          label="Altersgruppe"
          data={cohortOptions}
          value={search.ageCohort ?? ALL}
          onChange={(value) => setFilter({ ageCohort: ageCohorts.values.find((c) => c === value) })}
          allowDeselect={false}
          w={320}
        />
      </Group>
      <div aria-busy={needs.isFetching}>
        <QueryState
          query={needs}
          empty={
            search.districtId || search.ageCohort
              ? 'Keine Bedarfe gefunden. Ändern Sie die Auswahl von Stadtteil oder Altersgruppe.'
              : 'Keine Bedarfe gefunden. Bedarfe entstehen zum Beispiel aus der Schlussfrage der kollegialen Beratung.'
          }
        >
          {(items) => (
            <>
              <DataTable
                caption="Bedarfe, die am häufigsten genannten zuerst"
                headers={['Bedarf', 'Stadtteil', 'Altersgruppe', 'Nennungen', 'Status', 'Seit']}
                minWidth={800}
              >
                {items.map((need) => (
                  <Table.Tr key={need.id}>
                    <Table.Td maw={420}>
                      <Anchor
                        renderRoot={(props) => (
                          <Link to="/bedarfe/$needId" params={{ needId: need.id }} {...props} />
                        )}
                      >
                        {need.text}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{need.district.name}</Table.Td>
                    <Table.Td>{ageCohorts.labels[need.ageCohort]}</Table.Td>
                    <Table.Td>{formatNumber(need.mentions)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[need.status]} variant="light" tt="none" size="lg">
                        {statusLabels[need.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateDe(need.createdOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <LoadMore query={needs} count={items.length} noun={['Bedarf', 'Bedarfe']} />
            </>
          )}
        </QueryState>
      </div>
      <NeedTrend districtId={search.districtId} ageCohort={search.ageCohort} />
    </Page>
  );
}
