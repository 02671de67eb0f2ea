import { atlasKinds } from '@leuchtturm/shared';
import {
  Alert,
  Anchor,
  Grid,
  ScrollArea,
  Select,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useAtlasMap } from './queries.ts';

const AtlasMap = lazy(() => import('./AtlasMap.tsx'));
const ALL = 'alle';

/**
 * The map of the districts with the atlas entries. The canvas is not accessible: the list beside it holds every
 * entry on the map, grouped by district, to reach by keyboard; choosing one marks it on the map.
 */
export function AtlasMapPage() {
  const map = useAtlasMap();
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [district, setDistrict] = useState<string>(ALL);
  const groups = useMemo(() => {
    if (!map.data) return [];
    const byDistrict = new Map<string, typeof map.data.entries>();
    for (const e of map.data.entries)
      byDistrict.set(e.districtId, [...(byDistrict.get(e.districtId) ?? []), e]);
    return [...byDistrict.entries()].map(([id, entries]) => ({ id, entries }));
  }, [map.data]);
  const districtNames = useDistrictNames(map.data);

  return (
    <Page title="Karte des Stadtteilatlas">
      <Anchor renderRoot={(props) => <Link to="/atlas" {...props} />}>
        Zurück zur Suche im Stadtteilatlas
      </Anchor>
      {map.isPending && <Loading />}
      {map.isError && <ErrorAlert error={map.error} title="Karte konnte nicht geladen werden" />}
      {map.data && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {map.data.outlines.features.length === 0 && (
              <Alert color="blue" title="Keine Umrisse">
                Für die Stadtteile sind noch keine Umrisse hinterlegt (Import unter „Import (GeoJSON, CSV)“).
              </Alert>
            )}
            {failed ? (
              <Alert color="orange" title="Karte nicht verfügbar">
                Dieser Browser kann die Karte nicht zeichnen (WebGL fehlt). Die Liste enthält alle Einträge.
              </Alert>
            ) : (
              <Suspense fallback={<Loading />}>
                <AtlasMap data={map.data} selectedId={selected} onFail={() => setFailed(true)} />
              </Suspense>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              <Select
                label="Stadtteil der Liste"
                data={[
                  { value: ALL, label: 'Alle Stadtteile' },
                  ...groups.map((g) => ({ value: g.id, label: districtNames.get(g.id) ?? '' })),
                ]}
                value={district}
                onChange={(v) => setDistrict(v ?? ALL)}
                allowDeselect={false}
                searchable
              />
              <Text size="sm" c="gray.8">
                {map.data.entries.length} Einträge mit Ort. Auswählen markiert den Eintrag auf der Karte.
              </Text>
              <ScrollArea.Autosize mah={480} type="auto">
                <nav aria-label="Einträge der Karte">
                  {groups
                    .filter((g) => district === ALL || g.id === district)
                    .map((g) => (
                      <section key={g.id} aria-label={districtNames.get(g.id) ?? 'Stadtteil'}>
                        <Text fw={700} mt="xs">
                          {districtNames.get(g.id)}
                        </Text>
                        <ul className="atlas-map-list">
                          {g.entries.map((e) => (
                            <li key={e.id}>
                              <UnstyledButton
                                onClick={() => setSelected(e.id)}
                                aria-pressed={selected === e.id}
                                className="atlas-map-pick"
                              >
                                {e.name}{' '}
                                <Text span size="sm" c="gray.8">
                                  ({atlasKinds.labels[e.kind]})
                                </Text>
                              </UnstyledButton>{' '}
                              <Anchor
                                size="sm"
                                renderRoot={(props) => (
                                  <Link to="/atlas/$entryId" params={{ entryId: e.id }} {...props} />
                                )}
                              >
                                Details<VisuallyHidden> zu {e.name}</VisuallyHidden>
                              </Anchor>
                            </li>
                          ))}
                        </ul>
                      </section>
                    ))}
                </nav>
              </ScrollArea.Autosize>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}

/** District names by id, from the entries' districts and the outlines' names (both come from the organisation). */
function useDistrictNames(data: ReturnType<typeof useAtlasMap>['data']) {
  return useMemo(() => new Map<string, string>(data?.districts.map((d) => [d.id, d.name]) ?? []), [data]);
}
