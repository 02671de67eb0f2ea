import { type CpStatisticsCheck, cpStatisticsFields, formatDateDe, todayIso } from '@leuchtturm/shared';
import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { cpStatisticsUrl, useCpStatisticsCheck } from './queries.ts';

const validYear = (text: string) =>
  /^\d{4}$/.test(text.trim()) && Number(text) >= 2000 && Number(text) <= 2100;

/**
 * § 8a-Statistik (§ 99 Abs. 6 SGB VIII): the year's records as CSV for the statistical office, and before that
 * the check that lists the records lacking a required field, by case number (a link for those who may open cases).
 */
export function CpStatisticsSection() {
  const [year, setYear] = useState(String(Number(todayIso().slice(0, 4)) - 1));
  const [checked, setChecked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const check = useCpStatisticsCheck(checked);
  const refuse = () => {
    setError('Bitte ein Jahr zwischen 2000 und 2100 angeben.');
    input.current?.focus();
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={2} size="h4">
        § 8a-Statistik (Gefährdungseinschätzungen)
      </Title>
      <Text>
        Ein Datensatz je Gefährdungseinschätzung nach § 8a Abs. 1 SGB VIII, die im Jahr abgeschlossen wurde,
        mit den Merkmalen der Statistik nach § 99 Abs. 6 SGB VIII: Geschlecht, Geburtsmonat und -jahr des
        Kindes, Abschluss, Bekanntwerden, Aufenthaltsort, Alter der Eltern, Herkunft und Sprache, Leistungen,
        Ergebnis, Art der Gefährdung, von wem sie ausgeht, Konsequenzen. Ohne Namen und ohne Aktenzeichen.
        Datensätze mit fehlenden Angaben werden nicht weggelassen, sondern in der letzten Spalte markiert.
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          ref={input}
          label="Jahr der § 8a-Statistik"
          description="z. B. 2025"
          inputMode="numeric"
          maxLength={4}
          value={year}
          onChange={(e) => {
            setYear(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={160}
        />
        <Button variant="default" onClick={() => (validYear(year) ? setChecked(Number(year)) : refuse())}>
          Vor dem Export prüfen
        </Button>
        <Button
          component="a"
          href={cpStatisticsUrl(Number(year.trim()))}
          download={`statistik-8a-${year.trim()}.csv`}
          onClick={(event) => {
            if (validYear(year)) return;
            event.preventDefault();
            refuse();
          }}
        >
          § 8a-Statistik (CSV)
        </Button>
      </Group>
      {checked !== null &&
        (check.isPending ? (
          <Loading />
        ) : check.data ? (
          <CheckResult result={check.data} />
        ) : (
          <ErrorAlert error={check.error} title="Prüfung fehlgeschlagen" />
        ))}
    </Stack>
  );
}

function CheckResult({ result }: { result: CpStatisticsCheck }) {
  const mayOpenCases = useCan('case:work');
  const { year, records, incomplete } = result;
  if (incomplete.length === 0)
    return (
      <Alert color="green" title={`Prüfung ${year}`}>
        {records === 0
          ? 'Im Jahr wurde keine Gefährdungseinschätzung abgeschlossen.'
          : `${records === 1 ? 'Ein Datensatz' : `${records} Datensätze`}, alle mit den Pflichtangaben.`}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Alert color="orange" title={`Prüfung ${year}: fehlende Angaben`}>
        {`${incomplete.length} von ${records} Datensätzen fehlen Pflichtangaben. Bitte in der Fallakte ergänzen oder der Statistikstelle nachmelden.`}
      </Alert>
      <DataTable
        caption={`Datensätze ${year} mit fehlenden Angaben`}
        headers={['Aktenzeichen', 'Kennung', 'Abschluss', 'Fehlende Angaben']}
        minWidth={720}
      >
        {incomplete.map((r) => (
          <Table.Tr key={r.checkId}>
            <Table.Td>
              {mayOpenCases ? (
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link to="/faelle/$caseId" params={{ caseId: r.caseId }} {...props} />
                  )}
                >
                  {r.caseNumber}
                </Anchor>
              ) : (
                r.caseNumber
              )}
            </Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace">
                {r.checkId}
              </Text>
            </Table.Td>
            <Table.Td>{formatDateDe(r.completedOn)}</Table.Td>
            <Table.Td>{r.missing.map((f) => cpStatisticsFields.labels[f]).join('; ')}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
