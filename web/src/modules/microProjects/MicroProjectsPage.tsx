import { formatDateDe, formatMoney, microProjectCategories, microProjectStatuses } from '@leuchtturm/shared';
import { Anchor, Badge, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { projectStatusColors, thisYear } from './labels.ts';
import { useMicroProjects } from './queries.ts';

const ALL = 'alle';

/** Präventive Mikroprojekte: what runs in the districts, with what is committed to each in the year. */
export function MicroProjectsPage() {
  const search = useSearch({ from: '/app/mikroprojekte' });
  const navigate = useNavigate({ from: '/mikroprojekte' });
  const year = search.year ?? thisYear();
  const districts = useDistricts();
  const projects = useMicroProjects({
    ...(search.districtId ? { districtId: search.districtId } : {}),
    year,
  });
  const mayPlan = useCan('microproject:manage');
  const mayReadBudget = useCan('microbudget:read');
  const set = (change: { districtId?: string | undefined; year?: number | undefined }) =>
    void navigate({
      search: (prev) => {
        const next = { ...prev, ...change };
        if (!next.districtId) delete next.districtId;
        if (!next.year) delete next.year;
        return next;
      },
      replace: true,
    });

  return (
    <Page title="Präventive Mikroprojekte">
      <Text maw={720}>
        Fallübergreifende Angebote, die aus den Bedarfen der Stadtteile entstehen, mit ihrem Budget des
        Jahres.
      </Text>
      <Group>
        {mayPlan && (
          <Button renderRoot={(props) => <Link to="/mikroprojekte/neu" {...props} />}>
            Neues Mikroprojekt
          </Button>
        )}
        {mayReadBudget && (
          <Button
            variant="default"
            renderRoot={(props) => <Link to="/mikroprojekte/budget" search={{ year }} {...props} />}
          >
            Budget je Stadtteil
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <Select
          label="Stadtteil"
          data={[
            { value: ALL, label: 'Alle Stadtteile' },
            ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={search.districtId ?? ALL}
          onChange={(value) => set({ districtId: value && value !== ALL ? value : undefined })}
          allowDeselect={false}
          searchable
          w={260}
        />
        <NumberInput
          label="Haushaltsjahr"
          value={year}
          min={2000}
          max={2200}
          onChange={(value) => set({ year: typeof value === 'number' ? value : undefined })}
          w={160}
        />
      </Group>
      <div aria-busy={projects.isFetching}>
        <QueryState query={projects} empty="Keine Mikroprojekte gefunden.">
          {(items) => (
            <DataTable
              caption={`Mikroprojekte mit der Zusage ${year}`}
              headers={['Projekt', 'Kategorie', 'Stadtteile', 'Träger', 'Seit', 'Status', `Zusage ${year}`]}
              minWidth={1000}
            >
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/mikroprojekte/$projectId" params={{ projectId: p.id }} {...props} />
                      )}
                    >
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{microProjectCategories.labels[p.category]}</Table.Td>
                  <Table.Td>{p.districts.map((d) => d.name).join(', ')}</Table.Td>
                  <Table.Td>{p.provider}</Table.Td>
                  <Table.Td>{formatDateDe(p.startsOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={projectStatusColors[p.status]} variant="light" tt="none">
                      {microProjectStatuses.labels[p.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(p.committed)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </div>
    </Page>
  );
}
