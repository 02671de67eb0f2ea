import { type AtlasCsvPreview, atlasCsvColumns } from '@leuchtturm/shared';
import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { useImportCsv, useImportOutlines, usePreviewCsv } from './queries.ts';

/** A city's own data: district outlines (GeoJSON) and institutions (CSV, checked line by line first). */
export function AtlasImportPage() {
  return (
    <Page title="Stadtteilatlas: Import">
      <Anchor renderRoot={(props) => <Link to="/atlas" {...props} />}>Zurück zum Stadtteilatlas</Anchor>
      <OutlineImport />
      <CsvImport />
    </Page>
  );
}

function OutlineImport() {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useImportOutlines();
  async function submit() {
    if (!file) return setProblem('Bitte eine GeoJSON-Datei wählen.');
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return setProblem('Die Datei ist kein gültiges JSON.');
    }
    setProblem(null);
    save.mutate(data);
  }
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Umrisse der Stadtteile (GeoJSON)
        </Title>
        <Text size="sm" maw={720}>
          Eine FeatureCollection mit Polygonen oder MultiPolygonen in WGS 84; jedes Feature nennt in{' '}
          <code>properties.code</code> das Kürzel des Stadtteils. Ist ein Feature fehlerhaft, wird nichts
          übernommen.
        </Text>
        <FileInput
          label="GeoJSON-Datei"
          accept=".geojson,.json,application/geo+json,application/json"
          value={file}
          onChange={setFile}
          clearable
          w={360}
        />
        <Group>
          <Button onClick={() => void submit()} loading={save.isPending}>
            Umrisse übernehmen
          </Button>
        </Group>
        {(problem || save.isError) && (
          <Alert color="red" title="Nicht übernommen" role="alert">
            {problem ?? errorMessage(save.error)}
            <ProblemFields error={save.error} />
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="green" title="Übernommen" role="status">
            Umrisse von {save.data.districts} Stadtteilen gespeichert.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function ProblemFields({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return null;
  const fields = Object.entries(error.fieldErrors);
  if (fields.length === 0) return null;
  return (
    <List size="sm" mt="xs">
      {fields.map(([field, message]) => (
        <List.Item key={field}>
          {field}: {message}
        </List.Item>
      ))}
    </List>
  );
}

function CsvImport() {
  const [csv, setCsv] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewCsv();
  const save = useImportCsv();
  async function choose(next: File | null) {
    setFile(next);
    save.reset();
    preview.reset();
    const text = next ? await next.text() : null;
    setCsv(text);
    if (text) preview.mutate(text);
  }
  const result: AtlasCsvPreview | undefined = preview.data;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Einrichtungen (CSV)
        </Title>
        <Text size="sm" maw={720}>
          Kopfzeile mit den Spalten {atlasCsvColumns.join(', ')}. Stadtteil als Kürzel oder Name,
          Altersgruppen durch „|“ getrennt (0-3, 3-10, 10-16, 16+), Niedrigschwellig „ja“ oder „nein“, Datum
          TT.MM.JJJJ. Die Vorschau prüft jede Zeile; übernommen wird nur eine Datei ohne abgelehnte Zeile.
        </Text>
        <FileInput
          label="CSV-Datei"
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          w={360}
        />
        {preview.isError && (
          <Alert color="red" title="Prüfung fehlgeschlagen" role="alert">
            {errorMessage(preview.error)}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" aria-live="polite">
            <Text>
              {result.accepted} Zeilen in Ordnung, {result.rejected.length} abgelehnt.
            </Text>
            {result.rejected.length > 0 && (
              <DataTable caption="Abgelehnte Zeilen" headers={['Zeile', 'Spalte', 'Grund']}>
                {result.rejected.map((r) => (
                  <Table.Tr key={`${r.line}-${r.field}`}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.field}</Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
            {result.sample.length > 0 && (
              <DataTable
                caption="Vorschau der ersten Einträge"
                headers={['Zeile', 'Name', 'Stadtteil', 'Art']}
              >
                {result.sample.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.district}</Table.Td>
                    <Table.Td>{r.kind}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
            {result.rejected.length === 0 && result.accepted > 0 && !save.isSuccess && (
              <Group>
                <Button onClick={() => csv && save.mutate(csv)} loading={save.isPending}>
                  {result.accepted} Einträge übernehmen
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {save.isError && (
          <Alert color="red" title="Nicht übernommen" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="green" title="Übernommen" role="status">
            {save.data.imported} Einträge gespeichert.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
