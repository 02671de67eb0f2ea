import { ageCohorts, atlasKinds, formatDateDe, formatNumber } from '@leuchtturm/shared';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useCan } from '../../app/auth.ts';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { EntryForm } from './EntryForm.tsx';
import { useAtlasEntry } from './queries.ts';

/** One institution or offer: what it offers, who knows it, and how often cases use it (never which). */
export function AtlasEntryPage() {
  const { entryId } = useParams({ from: '/app/atlas/$entryId' });
  const entry = useAtlasEntry(entryId);
  const mayManage = useCan('atlas:manage');
  const editor = useModalState<true>();
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <ErrorAlert error={entry.error} title="Laden fehlgeschlagen" />;
  const e = entry.data;
  return (
    <Page title={e.name}>
      <Anchor renderRoot={(props) => <Link to="/atlas" {...props} />}>Zurück zum Stadtteilatlas</Anchor>
      {e.stale && (
        <Alert color="orange" title="Seit über einem Jahr nicht geprüft">
          Zuletzt geprüft am {formatDateDe(e.lastCheckedOn)}. Bitte Angaben prüfen und speichern.
        </Alert>
      )}
      <Stack gap="xs">
        <InfoList
          items={[
            ['Art', atlasKinds.labels[e.kind]],
            ['Stadtteil', e.district.name],
            ['Adresse', e.address],
            [
              'Koordinaten',
              e.coordinates
                ? `${formatNumber(e.coordinates.lat, { decimals: 5 })} N, ${formatNumber(e.coordinates.lon, { decimals: 5 })} O`
                : 'ohne Ort (nicht auf der Karte)',
            ],
            ['Altersgruppen', e.ageCohorts.map((c) => ageCohorts.labels[c]).join('; ') || 'alle'],
            ['Niedrigschwellig', e.lowThreshold ? 'ja' : 'nein'],
            ['Sprachen', e.languages.join(', ')],
            [
              'Kontakt',
              <span key="kontakt" className="pre-wrap">
                {e.contact}
              </span>,
            ],
            [
              'Öffnungszeiten',
              <span key="zeiten" className="pre-wrap">
                {e.openingHours}
              </span>,
            ],
            [
              'Beschreibung',
              <span key="beschreibung" className="pre-wrap">
                {e.description}
              </span>,
            ],
            ['Kennen die Einrichtung', e.staff.map((s) => s.displayName).join(', ')],
            ['Zuletzt geprüft', formatDateDe(e.lastCheckedOn)],
          ]}
        />
        <Text>
          In Ressourcenkarten von Fällen genutzt: <strong>{formatNumber(e.usedInCases)}</strong>{' '}
          {e.usedInCases === 1 ? 'Mal' : 'Male'} (welche Fälle, wird nicht angezeigt).
        </Text>
      </Stack>
      {mayManage && (
        <Group>
          <Button onClick={() => editor.open(true)}>Bearbeiten oder als geprüft speichern</Button>
        </Group>
      )}
      {mayManage && editor.opened && <EntryForm opened onClose={editor.close} entry={e} />}
    </Page>
  );
}
