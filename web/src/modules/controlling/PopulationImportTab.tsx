import { ageBands, formatNumber } from '@leuchtturm/shared';
import { Alert, Button, Code, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../app/QueryState.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import {
  type PopulationImportReport as Report,
  useCheckPopulation,
  useImportPopulation,
} from './populationQueries.ts';

const MAX_BYTES = 5_000_000;

type PreviewRow = Report['preview'][number];
const previewColumns: Column<PreviewRow>[] = [
  { header: 'Stadtteil', cell: (r) => r.district, csv: (r) => r.district },
  { header: 'Jahr', cell: (r) => r.year, csv: (r) => String(r.year) },
  {
    header: 'unter 21',
    cell: (r) => formatNumber(r.u21, { decimals: 0 }),
    csv: (r) => String(r.u21),
    numeric: true,
  },
  {
    header: 'unter 18',
    cell: (r) => formatNumber(r.u18, { decimals: 0 }),
    csv: (r) => String(r.u18),
    numeric: true,
  },
];
const rejectedColumns: Column<Report['rejected'][number]>[] = [
  { header: 'Zeile', cell: (r) => r.line, csv: (r) => String(r.line) },
  { header: 'Grund', cell: (r) => r.reason, csv: (r) => r.reason },
];

/** "Jugendeinwohner importieren": young inhabitants per Stadtteil, year and age band; check (preview), then import. */
export function PopulationImportTab() {
  const formatId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ file: File; csv: string; report: Report } | null>(null);
  const check = useCheckPopulation();
  const save = useImportPopulation();
  const current = checked && checked.file === file ? checked.report : null;
  const clean = current !== null && current.rejected.length === 0 && current.accepted > 0;

  function choose(next: File | null) {
    setFile(next);
    setChecked(null);
    check.reset();
    save.reset();
    setFileError(next && next.size > MAX_BYTES ? 'Die Datei ist zu groß (höchstens 5 MB).' : null);
  }

  return (
    <Stack gap="xl">
      <Text maw={760}>
        Hier übernehmen Sie die Jugendeinwohner (unter 21 Jahren) Ihrer Stadtteile je Jahr und Altersgruppe,
        z. B. aus dem Melderegister. Sie bilden die Grundlage für Hilfedichte und Kosten je Jugendeinwohner.
        Prüfen Sie die Datei zuerst; die Vorschau zeigt die Summen je Stadtteil und Jahr. Importiert wird nur
        eine fehlerfreie Datei, und zwar ganz.
      </Text>
      <Stack gap="sm" maw={560}>
        <FileInput
          label="CSV-Datei mit Jugendeinwohnern"
          description="Spalten district, year, age_band, residents"
          placeholder="Keine Datei ausgewählt"
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={choose}
          error={fileError}
          clearable
          clearButtonProps={{ 'aria-label': 'Auswahl entfernen' }}
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
        />
        <Group>
          <Button
            onClick={() => file && check.mutate(file, { onSuccess: setChecked })}
            disabled={!file || !!fileError}
            loading={check.isPending}
          >
            Prüfen
          </Button>
          {clean && checked && (
            <Button
              onClick={() => save.mutate(checked.csv, { onSuccess: () => setChecked(null) })}
              loading={save.isPending}
            >
              Importieren
            </Button>
          )}
        </Group>
      </Stack>
      <div aria-live="polite">
        {check.isError && <ErrorAlert error={check.error} title="Prüfung fehlgeschlagen" />}
        {save.isError && <ErrorAlert error={save.error} title="Import fehlgeschlagen" />}
        {save.isSuccess && (
          <Alert color="green" title="Import abgeschlossen" className="alert-strong">
            {save.data.accepted} Zeilen übernommen.
          </Alert>
        )}
        {current && <CheckResult report={current} />}
      </div>
      <section aria-labelledby={formatId}>
        <Stack gap="xs">
          <Title order={2} size="h3" id={formatId}>
            Aufbau der Datei
          </Title>
          <Text maw={760}>
            Eine Zeile je Stadtteil, Jahr und Altersgruppe: <Code>district,year,age_band,residents</Code>, z.
            B. <Code>NH,2025,0-5,412</Code>. Stadtteil als Kürzel oder Name, nur Stadtteile dieses Jugendamts.
            Altersgruppen: {ageBands.map((b) => b).join(', ')}. Ein Stadtteil und ein Jahr aus der Datei
            ersetzen alle bisher gespeicherten Altersgruppen dieses Stadtteils und Jahres.
          </Text>
        </Stack>
      </section>
    </Stack>
  );
}

function CheckResult({ report }: { report: Report }) {
  if (report.rejected.length === 0 && report.accepted === 0)
    return (
      <Alert color="yellow" title="Keine Werte gefunden">
        Die Datei enthält keine Zeilen mit Werten.
      </Alert>
    );
  const ok = report.rejected.length === 0;
  return (
    <Stack gap="sm">
      <Alert
        color={ok ? 'green' : 'red'}
        title={ok ? 'Prüfung bestanden' : 'Prüfung mit Fehlern'}
        className="alert-strong"
      >
        {report.accepted} {report.accepted === 1 ? 'Zeile' : 'Zeilen'} angenommen
        {ok
          ? '. Sie können die Datei jetzt importieren.'
          : `, ${report.rejected.length} abgewiesen. Bitte korrigieren Sie die Datei und prüfen Sie erneut.`}
      </Alert>
      {!ok && (
        <FigureTable
          caption="Abgewiesene Zeilen"
          name="Abgewiesene Zeilen"
          columns={rejectedColumns}
          rows={report.rejected}
          rowKey={(r) => r.line}
        />
      )}
      {report.preview.length > 0 && (
        <FigureTable
          caption="Vorschau: Jugendeinwohner je Stadtteil und Jahr"
          name="Vorschau Jugendeinwohner"
          columns={previewColumns}
          rows={report.preview}
          rowKey={(r) => `${r.district}-${r.year}`}
        />
      )}
    </Stack>
  );
}
