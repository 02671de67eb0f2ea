import { todayIso } from '@leuchtturm/shared';
import { Button, Divider, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { CpStatisticsSection } from '../childProtection/StatisticsSection.tsx';

/** What each column holds and where it comes from (docs/hze-statistics.md says the same for developers). */
const columns: [string, string, string][] = [
  ['Kennung', 'Kennung der Hilfe in Leuchtturm', 'pseudonym; die Statistikstelle erhält keine Namen'],
  [
    'Art des Trägers',
    'Träger des Leistungsangebots',
    'Hilfen mit individuellem Satz zählen als öffentlicher Träger',
  ],
  ['Hilfeart (§)', 'Hilfeart der Hilfe', ''],
  [
    'Ort der Hilfe',
    'Einordnung der Hilfe',
    'stationär: außerhalb des Elternhauses, sonst im Elternhaus / ambulant',
  ],
  ['Beginn Monat / Jahr', 'Beginn der Hilfe', ''],
  ['Ende Monat / Jahr', 'Ende der Hilfe', 'leer, wenn die Hilfe über den 31.12. hinaus läuft'],
  ['Status zum Jahresende', 'Ende im Jahr oder nicht', 'beendet / andauernd'],
  ['Grund der Beendigung', 'Grund der Beendigung der Hilfe', ''],
  ['Geschlecht', 'Angaben zur jungen Person', 'w, m, d, o (ohne Angabe)'],
  ['Geburtsmonat / -jahr', 'Geburtsdatum der jungen Person', ''],
  ['Deutsch vorrangig gesprochene Sprache', 'Sprache der jungen Person', 'ja / nein; leer, wenn unbekannt'],
  ['Grund 1–3', 'Gründe für die Hilfe', 'bis zu drei, wie bei der Hilfe erfasst'],
  [
    'Vorausgegangene Gefährdungseinschätzung',
    'Kurzberatungen des Falls',
    'ja, wenn eine Kurzberatung den Fall vor dem Beginn dem Gefährdungsbereich zugeordnet hat',
  ],
];

const missing = [
  'familiengerichtliche Entscheidung zu Beginn der Hilfe',
  'anregende Stelle (wer die Hilfe angeregt hat)',
  'Wohnsituation zu Beginn und nach dem Ende der Hilfe',
  'ausländische Herkunft der Eltern',
  'andere gleichzeitige Hilfen',
  'Schul- oder Ausbildungsstatus',
  'alle Kinder der Familie bei familienorientierten Hilfen',
];

/**
 * Statistik: the yearly exports for the Kinder- und Jugendhilfestatistik (§ 99 SGB VIII): the erzieherische Hilfen
 * and the Gefährdungseinschätzungen nach § 8a (childProtection/StatisticsSection.tsx).
 */
export function StatisticsTab() {
  // The statistics report a closed year: the previous one by default.
  const [year, setYear] = useState(String(Number(todayIso().slice(0, 4)) - 1));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const valid = /^\d{4}$/.test(year.trim()) && Number(year) >= 2000 && Number(year) <= 2100;
  const href = `/api/v1/finance/statistics/hze?year=${encodeURIComponent(year.trim())}`;

  return (
    <Stack gap="md" maw={760}>
      <Text>
        Die Datei enthält einen Datensatz je Hilfe zur Erziehung für die Statistik der erzieherischen Hilfen
        nach § 99 SGB VIII: jede bewilligte Hilfe nach §§ 27–35a und 41 SGB VIII (nicht § 19 und § 42), die im
        Jahr lief. Sie ist eine CSV-Datei (Semikolon, UTF-8) für die Tabellenkalkulation.
      </Text>
      <Stack gap="sm" align="flex-start">
        <TextInput
          ref={input}
          label="Jahr"
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
        <Button
          component="a"
          href={href}
          download={`hze-statistik-${year.trim()}.csv`}
          onClick={(event) => {
            if (valid) return;
            event.preventDefault();
            setError('Bitte ein Jahr zwischen 2000 und 2100 angeben.');
            input.current?.focus();
          }}
        >
          Statistik erzieherische Hilfen (CSV)
        </Button>
      </Stack>
      <DataTable caption="Spalten der Datei, eine Zeile je Hilfe" headers={['Spalte', 'Woher', 'Hinweis']}>
        {columns.map(([column, source, note]) => (
          <Table.Tr key={column}>
            <Table.Td>{column}</Table.Td>
            <Table.Td>{source}</Table.Td>
            <Table.Td>{note || '–'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={2} size="h4">
        Noch nicht enthalten
      </Title>
      <Text>
        Einige Merkmale der Statistik führt die Fallakte noch nicht; die Datei lässt diese Spalten daher weg.
        Sie sind vor der Meldung an das Statistische Landesamt auf anderem Weg zu ergänzen:
      </Text>
      <List spacing={4}>
        {missing.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Divider my="md" />
      <CpStatisticsSection />
    </Stack>
  );
}
