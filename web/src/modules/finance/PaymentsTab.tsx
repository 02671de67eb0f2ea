import { formatMoney, type PaymentImportReport } from '@leuchtturm/shared';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useFormState } from '../../app/form.ts';
import { useCheckPayments, useImportPayments } from './queries.ts';

const MAX_BYTES = 5_000_000;

/**
 * Zahlungen importieren: the file is checked first (dry run); it is written only when every line is accepted,
 * and then all at once.
 */
export function PaymentsTab() {
  const form = useFormState({ file: null as File | null });
  const [checked, setChecked] = useState<{ csv: string; report: PaymentImportReport } | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const check = useCheckPayments();
  const save = useImportPayments();

  // The result of a check is announced by moving there.
  useEffect(() => {
    if (checked) resultRef.current?.focus();
  }, [checked]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { file } = form.values;
    const problem = !file
      ? 'Bitte eine CSV-Datei auswählen.'
      : file.size > MAX_BYTES
        ? 'Die Datei ist zu groß (höchstens 5 MB).'
        : null;
    if (!form.check(problem ? { file: problem } : {}) || !file) return;
    const csv = await file.text();
    check.mutate(csv, {
      onSuccess: (report) => setChecked({ csv, report }),
      onError: (error) => form.showServerError(error),
    });
  }

  function importChecked() {
    if (!checked) return;
    save.mutate(checked.csv, {
      onSuccess: (report) => {
        if (report.written) {
          setChecked(null);
          form.reset({ file: null });
        } else setChecked({ csv: checked.csv, report });
      },
      onError: (error) => form.showServerError(error),
    });
  }

  const report = checked?.report;
  const ready = report !== undefined && report.rejected.length === 0 && report.accepted > 0;
  return (
    <>
      <Text maw={720}>
        Eine CSV-Datei mit einer Zeile je Zahlung: Kennung der Maßnahme, Monat (JJJJ-MM) und Betrag, getrennt
        durch Semikolon oder Komma; eine Kopfzeile ist erlaubt. Eine Zahlung ersetzt für ihre Hilfe und ihren
        Monat die berechneten Kosten. Gespeichert wird nur, wenn jede Zeile angenommen ist – sonst nichts.
      </Text>
      <form onSubmit={submit} noValidate ref={form.formRef} aria-label="Zahlungsdatei prüfen">
        <Stack gap="md" align="flex-start">
          {form.formError && (
            <Alert color="red" role="alert" title="Nicht geprüft" w="100%">
              {form.formError}
            </Alert>
          )}
          <FileInput
            label="CSV-Datei (Maßnahme, Monat, Betrag)"
            description="Höchstens 5 MB."
            placeholder="Keine Datei ausgewählt"
            required
            accept=".csv,text/csv"
            clearable
            clearButtonProps={{ 'aria-label': 'Auswahl der Datei aufheben' }}
            value={form.values.file}
            onChange={(file) => {
              form.set('file', file);
              setChecked(null);
            }}
            error={form.errors.file ?? form.errors.csv}
            w={480}
            maw="100%"
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          />
          <Button type="submit" loading={check.isPending}>
            Prüfen
          </Button>
        </Stack>
      </form>
      {report && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={2} size="h4" ref={resultRef} tabIndex={-1} className="page-heading">
              Ergebnis der Prüfung
            </Title>
            <Text>
              {report.accepted} {report.accepted === 1 ? 'Zeile' : 'Zeilen'} angenommen, Summe der
              angenommenen Zahlungen: {formatMoney(report.total)}.
            </Text>
            {report.rejected.length > 0 ? (
              <>
                <Alert
                  color="red"
                  title={`${report.rejected.length} ${report.rejected.length === 1 ? 'Zeile' : 'Zeilen'} abgelehnt`}
                >
                  Es wird nichts gespeichert, solange nicht jede Zeile angenommen ist. Bitte korrigieren Sie
                  die Datei und prüfen Sie sie erneut.
                </Alert>
                <DataTable caption="Abgelehnte Zeilen" headers={['Zeile', 'Grund']} minWidth={480}>
                  {report.rejected.map((r) => (
                    <Table.Tr key={`${r.line}-${r.reason}`}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </>
            ) : (
              <Text>
                Alle Zeilen sind angenommen. „Importieren“ speichert die Zahlungen; eine schon gebuchte
                Zahlung für dieselbe Hilfe und denselben Monat wird ersetzt.
              </Text>
            )}
            <Group>
              <Button onClick={importChecked} disabled={!ready} loading={save.isPending}>
                Importieren
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </>
  );
}
