import { type AggregateMetric, aggregateMetrics } from '@leuchtturm/shared';
import { Alert, Button, Code, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../app/QueryState.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import {
  type AggregateImportReport as ImportReport,
  useCheckAggregates,
  useImportAggregates,
} from './queries.ts';

const MAX_BYTES = 5_000_000;

const metrics = aggregateMetrics.values.map((key): [AggregateMetric, string] => [
  key,
  aggregateMetrics.labels[key],
]);

const metricColumns: Column<[AggregateMetric, string]>[] = [
  { header: 'Kennzahl (metric)', cell: ([key]) => <Code>{key}</Code>, csv: ([key]) => key },
  { header: 'Bedeutung', cell: ([, meaning]) => meaning, csv: ([, meaning]) => meaning },
];

const rejectedColumns: Column<ImportReport['rejected'][number]>[] = [
  { header: 'Zeile', cell: (r) => r.line, csv: (r) => String(r.line) },
  { header: 'Grund', cell: (r) => r.reason, csv: (r) => r.reason },
];

function FormatHelp() {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={id}>
          Aufbau der Datei
        </Title>
        <Text maw={760}>
          Eine Zeile je Wert mit vier Spalten: <Code>region,period,metric,value</Code>. Die erste Zeile darf
          diese Überschrift sein; Zeilen, die mit <Code>#</Code> beginnen, werden übergangen. Mit Komma
          getrennt steht im Wert ein Dezimalpunkt (<Code>1234.50</Code>); mit Semikolon getrennt (wie aus
          Excel) ein Dezimalkomma (<Code>1.234,50</Code>). Höchstens zwei Nachkommastellen, höchstens 5 MB.
        </Text>
        <List maw={760} spacing={4}>
          <List.Item>
            <strong>region</strong>: <Code>stadt</Code> für die ganze Stadt, Kürzel oder Name eines
            Sozialzentrums oder Stadtteils, Name eines Teams – oder der Name einer anderen Stadt (z. B.{' '}
            <Code>Dortmund</Code>) für den Städtevergleich.
          </List.Item>
          <List.Item>
            <strong>period</strong>: Jahr (<Code>2012</Code>), Quartal (<Code>2012-Q3</Code>), Monat (
            <Code>2012-07</Code>) oder Stichtag (<Code>2012-12-31</Code>).
          </List.Item>
          <List.Item>
            <strong>metric</strong>: eine der Kennzahlen in der Tabelle unten; <strong>value</strong>: die
            Zahl.
          </List.Item>
        </List>
        <Text maw={760}>
          Beispiel: <Code>Dortmund,2023,costs_stationaer,98500000.00</Code>. Die Datei wird ganz oder gar
          nicht übernommen; vorhandene Werte derselben Region, desselben Zeitraums und derselben Kennzahl
          werden ersetzt.
        </Text>
        <FigureTable
          caption="Kennzahlen für den Import"
          name="Kennzahlen"
          columns={metricColumns}
          rows={metrics}
          rowKey={([key]) => key}
          maxHeight={640}
        />
      </Stack>
    </section>
  );
}

/** Import of aggregated figures (years before the system, other cities): check first, then import. */
export function ImportTab() {
  const resultId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ file: File; csv: string; report: ImportReport } | null>(null);

  const check = useCheckAggregates();
  const save = useImportAggregates();

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
        Hier übernehmen Sie aggregierte Werte: Jahre vor der Einführung von Leuchtturm und die Zahlen anderer
        Städte für den Städtevergleich (IKO). Prüfen Sie die Datei zuerst; importiert werden kann sie erst,
        wenn keine Zeile abgewiesen wurde.
      </Text>
      <Stack gap="sm" maw={560}>
        <FileInput
          label="CSV-Datei"
          description="Spalten region, period, metric, value"
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

      <div aria-live="polite" id={resultId}>
        {check.isError && <ErrorAlert error={check.error} title="Prüfung fehlgeschlagen" />}
        {save.isError && <ErrorAlert error={save.error} title="Import fehlgeschlagen" />}
        {save.isSuccess && (
          <Alert color="green" title="Import abgeschlossen" className="alert-strong">
            {save.data.accepted} Werte übernommen
            {save.data.regions.length > 0 ? ` (Regionen: ${save.data.regions.join(', ')})` : ''}.
          </Alert>
        )}
        {current && <CheckResult report={current} />}
      </div>

      <FormatHelp />
    </Stack>
  );
}

function CheckResult({ report }: { report: ImportReport }) {
  if (report.rejected.length === 0 && report.accepted === 0)
    return (
      <Alert color="yellow" title="Keine Werte gefunden">
        Die Datei enthält keine Zeilen mit Werten.
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Alert
        color={report.rejected.length === 0 ? 'green' : 'red'}
        title={report.rejected.length === 0 ? 'Prüfung bestanden' : 'Prüfung mit Fehlern'}
        className="alert-strong"
      >
        {report.accepted} {report.accepted === 1 ? 'Zeile' : 'Zeilen'} angenommen
        {report.rejected.length > 0
          ? `, ${report.rejected.length} ${report.rejected.length === 1 ? 'Zeile' : 'Zeilen'} abgewiesen. Bitte korrigieren Sie die Datei und prüfen Sie erneut; importiert wird nur eine fehlerfreie Datei.`
          : `. Regionen: ${report.regions.join(', ')}. Sie können die Datei jetzt importieren.`}
      </Alert>
      {report.rejected.length > 0 && (
        <FigureTable
          caption="Abgewiesene Zeilen"
          name="Abgewiesene Zeilen"
          columns={rejectedColumns}
          rows={report.rejected}
          rowKey={(r) => r.line}
        />
      )}
    </Stack>
  );
}
