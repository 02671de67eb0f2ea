import { atlasKinds, formatDateDe } from '@leuchtturm/shared';
import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { LoadMore } from '../../app/components/LoadMore.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { EntryForm } from './EntryForm.tsx';
import { cohortList, cohortOptions, kindOptions } from './labels.ts';
import { type AtlasSearchFilter, useAtlasEntries } from './queries.ts';

const ALL = 'alle';

/** Stadtteilatlas: institutions and offers in the districts, searched and filtered; the map and imports beside. */
export function AtlasPage() {
  const search = useSearch({ from: '/app/atlas' });
  const navigate = useNavigate({ from: '/atlas' });
  const districts = useDistricts();
  const entries = useAtlasEntries(search);
  const mayManage = useCan('atlas:manage');
  const creator = useModalState<true>();
  const [q, setQ] = useState(search.q ?? '');
  const set = (change: Partial<AtlasSearchFilter>) =>
    void navigate({
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change };
        for (const key of Object.keys(next))
          if (next[key] === undefined || next[key] === '') delete next[key];
        return next as AtlasSearchFilter;
      },
      replace: true,
    });
  // The text search follows typing after a short pause.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a search
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== q.trim()) set({ q: q.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <Page title="Stadtteilatlas">
      <Text maw={760}>
        Einrichtungen und Angebote in den Stadtteilen: wer sie kennt, für welche Altersgruppen, in welchen
        Sprachen. Einträge, die seit über einem Jahr nicht geprüft wurden, sind markiert.
      </Text>
      <Group>
        <Button variant="default" renderRoot={(props) => <Link to="/atlas/karte" {...props} />}>
          Karte der Stadtteile
        </Button>
        {mayManage && <Button onClick={() => creator.open(true)}>Neuer Eintrag</Button>}
        {mayManage && (
          <Button variant="default" renderRoot={(props) => <Link to="/atlas/import" {...props} />}>
            Import (GeoJSON, CSV)
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Suche"
          description="Name, Adresse, Beschreibung"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Stadtteil"
          data={[
            { value: ALL, label: 'Alle Stadtteile' },
            ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={search.districtId ?? ALL}
          onChange={(v) => set({ districtId: v && v !== ALL ? v : undefined })}
          allowDeselect={false}
          searchable
          w={220}
        />
        <Select
          label="Art"
          data={[{ value: ALL, label: 'Alle Arten' }, ...kindOptions]}
          value={search.kind ?? ALL}
          onChange={(v) => set({ kind: v && v !== ALL ? (v as AtlasSearchFilter['kind']) : undefined })}
          allowDeselect={false}
          w={220}
        />
        <Select
          label="Altersgruppe"
          data={[{ value: ALL, label: 'Alle Altersgruppen' }, ...cohortOptions]}
          value={search.ageCohort ?? ALL}
          onChange={(v) =>
            set({ ageCohort: v && v !== ALL ? (v as AtlasSearchFilter['ageCohort']) : undefined })
          }
          allowDeselect={false}
          w={260}
        />
      </Group>
      <Group>
        <Checkbox
          label="Nur niedrigschwellige Angebote"
          checked={search.lowThreshold === 'true'}
          onChange={(e) => set({ lowThreshold: e.currentTarget.checked ? 'true' : undefined })}
        />
        <Checkbox
          label="Nur seit über einem Jahr nicht geprüfte"
          checked={search.stale === 'true'}
          onChange={(e) => set({ stale: e.currentTarget.checked ? 'true' : undefined })}
        />
      </Group>
      <div aria-busy={entries.isFetching}>
        <QueryState query={entries} empty="Keine Einträge gefunden.">
          {(items) => (
            <>
              <DataTable
                caption="Einträge des Stadtteilatlas"
                headers={['Name', 'Art', 'Stadtteil', 'Adresse', 'Altersgruppen', 'Zuletzt geprüft']}
                minWidth={900}
              >
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link to="/atlas/$entryId" params={{ entryId: e.id }} {...props} />
                        )}
                      >
                        {e.name}
                      </Anchor>
                      {e.lowThreshold && (
                        <Badge ml="xs" variant="light" color="teal" tt="none">
                          niedrigschwellig
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{atlasKinds.labels[e.kind]}</Table.Td>
                    <Table.Td>{e.district.name}</Table.Td>
                    <Table.Td>{e.address}</Table.Td>
                    <Table.Td>{cohortList(e.ageCohorts)}</Table.Td>
                    <Table.Td>
                      {formatDateDe(e.lastCheckedOn)}
                      {e.stale && (
                        <Badge ml="xs" variant="light" color="orange" tt="none">
                          prüfen
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <LoadMore query={entries} count={items.length} noun={['Eintrag', 'Einträge']} />
            </>
          )}
        </QueryState>
      </div>
      {mayManage && <EntryForm opened={creator.opened} onClose={creator.close} entry={null} />}
    </Page>
  );
}
