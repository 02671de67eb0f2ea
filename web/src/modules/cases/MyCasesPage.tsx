import { caseAreas, formatDateDe, type MyCasesQuery } from '@leuchtturm/shared';
import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useUser } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { LoadMore } from '../../app/components/LoadMore.tsx';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMyCases } from './caseQueries.ts';
import type { MyCasesSearch } from './search.ts';

const ALL = 'alle';

const statusOptions: { value: MyCasesQuery['status']; label: string }[] = [
  { value: 'offen', label: 'Offene Fälle' },
  { value: 'abgeschlossen', label: 'Abgeschlossene Fälle' },
  { value: 'alle', label: 'Alle Fälle' },
];
const areaOptions = [
  { value: ALL, label: 'Alle Einordnungen' },
  ...caseAreas.values.map((area) => ({ value: area, label: caseAreas.labels[area] })),
];
const sortOptions: { value: MyCasesQuery['sort']; label: string }[] = [
  { value: 'faellig', label: 'Nächste Fälligkeit' },
  { value: 'eingang', label: 'Eingang (neueste zuerst)' },
  { value: 'name', label: 'Name der Familie' },
];
const scopeOptions: { value: MyCasesQuery['scope']; label: string }[] = [
  { value: 'mine', label: 'Meine Fälle' },
  { value: 'team', label: 'Alle Fälle des Teams' },
];

/** The table's caption: which cases, e.g. "Offene Fälle des Teams". */
function caption(query: MyCasesQuery): string {
  const which =
    query.status === 'offen'
      ? 'Offene Fälle'
      : query.status === 'abgeschlossen'
        ? 'Abgeschlossene Fälle'
        : 'Alle Fälle';
  if (query.scope === 'all') return `${which}, auf die Sie Zugriff haben, zur Suche „${query.q ?? ''}“`;
  return query.scope === 'team' ? `${which} des Teams` : which;
}

/**
 * "Meine Fälle": the cases the user leads, deputises or was granted; the team's cases for the team lead. A search
 * covers every case the user may read (scope all): for a team lead her own and her team's together.
 */
export function MyCasesPage() {
  const user = useUser();
  const teamLead = user.roles.includes('team_lead');
  const search = useSearch({ from: '/app/faelle' });
  const navigate = useNavigate({ from: '/faelle' });
  const query: MyCasesQuery = {
    status: search.status ?? 'offen',
    ...(search.area ? { area: search.area } : {}),
    ...(search.q ? { q: search.q } : {}),
    sort: search.sort ?? 'faellig',
    scope: search.q ? 'all' : teamLead && search.scope === 'team' ? 'team' : 'mine',
  };
  const cases = useMyCases(query);

  const [text, setText] = useState(search.q ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 300);

  function setFilter(change: Partial<MyCasesSearch>) {
    void navigate({
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as MyCasesSearch;
      },
      replace: true,
    });
  }

  // The search text reaches the address (and the server) once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the typed text only
  useEffect(() => {
    if (debouncedText !== (search.q ?? '')) setFilter({ q: debouncedText || undefined });
  }, [debouncedText]);
  // …and follows the address when it changes otherwise (navigation entry, back button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address only
  useEffect(() => {
    if ((search.q ?? '') !== debouncedText) setText(search.q ?? '');
  }, [search.q]);

  return (
    <Page title="Meine Fälle">
      <Group justify="space-between" align="flex-start">
        <Text maw={640}>
          {query.scope === 'all'
            ? 'Die Suche umfasst alle Fälle, auf die Sie Zugriff haben.'
            : query.scope === 'team'
              ? 'Alle Fälle Ihres Teams mit Einordnung, Fallführung und der nächsten Fälligkeit.'
              : 'Die Fälle, die Sie führen, vertreten oder für die Ihnen Zugriff gewährt wurde.'}
        </Text>
        <Group gap="sm">
          <Button variant="default" component={Link} to="/faelle/bekannt">
            Ist die Familie bekannt?
          </Button>
          <Button component={Link} to="/faelle/neu">
            Neuer Falleingang
          </Button>
        </Group>
      </Group>
      <Stack gap="md">
        {teamLead && (
          <div>
            <Text component="div" id="ansicht-label" fw={500} size="sm" mb={4}>
              Ansicht
            </Text>
            <SegmentedControl
              aria-labelledby="ansicht-label"
              data={scopeOptions}
              disabled={query.scope === 'all'}
              value={query.scope === 'team' ? 'team' : 'mine'}
              onChange={(value) => setFilter({ scope: value === 'team' ? 'team' : undefined })}
            />
          </div>
        )}
        <Group align="flex-end">
          <Select
            label="Status"
            data={statusOptions}
            value={query.status}
            onChange={(value) =>
              setFilter({ status: value === 'abgeschlossen' || value === 'alle' ? value : undefined })
            }
            allowDeselect={false}
            w={220}
          />
          <Select
            label="Einordnung"
            data={areaOptions}
            value={query.area ?? ALL}
            onChange={(value) => setFilter({ area: caseAreas.values.find((area) => area === value) })}
            allowDeselect={false}
            w={220}
          />
          <TextInput
            label="Suche in allen Ihren Fällen"
            description="Vor- oder Nachname, Geburtsdatum (TT.MM.JJJJ), Straße oder Aktenzeichen"
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={340}
          />
          <Select
            label="Sortierung"
            data={sortOptions}
            value={query.sort}
            onChange={(value) =>
              setFilter({ sort: value === 'eingang' || value === 'name' ? value : undefined })
            }
            allowDeselect={false}
            w={240}
          />
        </Group>
      </Stack>
      <div aria-busy={cases.isFetching}>
        <QueryState
          query={cases}
          empty={
            query.status !== 'offen' || query.area || query.q
              ? 'Keine Fälle gefunden. Ändern Sie die Filter oder die Suche, um mehr Fälle zu sehen.'
              : 'Keine Fälle gefunden. Neue Fälle legen Sie mit „Neuer Falleingang“ an.'
          }
        >
          {(items) => (
            <>
              <DataTable
                caption={caption(query)}
                headers={[
                  'Aktenzeichen',
                  'Familie',
                  'Einordnung',
                  'Fallführung',
                  'Stadtteil',
                  'Nächste Fälligkeit',
                  'Überfällig',
                ]}
                minWidth={900}
              >
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor
                        fw={600}
                        size="sm"
                        renderRoot={(props) => (
                          <Link to="/faelle/$caseId" params={{ caseId: c.id }} {...props} />
                        )}
                      >
                        {c.caseNumber}
                      </Anchor>
                      {c.status === 'abgeschlossen' && (
                        <Text size="sm" c="gray.8">
                          abgeschlossen am {formatDateDe(c.closedOn)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.title}</Table.Td>
                    <Table.Td>{c.area ? caseAreas.labels[c.area] : 'nicht eingeordnet'}</Table.Td>
                    <Table.Td>{c.lead?.name ?? 'noch nicht zugeteilt'}</Table.Td>
                    <Table.Td>{c.district?.name ?? '–'}</Table.Td>
                    <Table.Td>
                      {c.nextDue ? (
                        <>
                          <Text size="sm" fw={600}>
                            {formatDateDe(c.nextDue.on)}
                          </Text>
                          <Text size="sm">{c.nextDue.what}</Text>
                        </>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.overdue > 0 ? (
                        <Badge color="red" variant="light" tt="none" size="lg">
                          {c.overdue} überfällig
                        </Badge>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <LoadMore query={cases} count={items.length} noun={['Fall', 'Fälle']} />
            </>
          )}
        </QueryState>
      </div>
    </Page>
  );
}
