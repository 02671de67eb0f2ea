import { todayIso } from '@leuchtturm/shared';
import { Button, Divider, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { CpStatisticsSection } from '../childProtection/StatisticsSection.tsx';
import { HzeCheckSection } from './HzeCheckSection.tsx';
import { HzeOfficeForm } from './HzeOfficeForm.tsx';

/** Where the record's fields come from (docs/hze-statistics.md maps each column for developers). */
const sources: [string, string][] = [
  ['Berichtsjahr, Land, Kreis, Jugendamt', 'Jahr der Meldung und Kennung des Jugendamts (oben)'],
  ['Art des Trägers', 'Träger des Leistungsangebots; individueller Satz: öffentlicher Träger'],
  [
    'Art und Unterart der Hilfe, § 41',
    'Hilfeart mit dem Schlüssel der Statistik; § 41 als Merkmal der zugrunde liegenden Hilfe',
  ],
  ['Beginn, Ende, Stand', 'Beginn und Ende der Hilfe; beendet im Jahr oder andauernd am 31.12.'],
  ['Geschlecht, Geburtsmonat und -jahr', 'Angaben zur jungen Person'],
  ['Herkunft, Sprache, Familiensituation, Transferleistungen', 'Statistik der Familie (Fall, Reiter Hilfen)'],
  [
    'Aufenthalt vor der Hilfe, Anregung, Familiengericht, Gründe, Ort, Stunden, Beendigung, Aufenthalt danach',
    'Statistikangaben der Hilfe (Fall, Reiter Hilfen, „Statistik“)',
  ],
  ['Vorausgegangene Gefährdungseinschätzung', 'Kurzberatung mit Gefährdungsbereich vor dem Beginn'],
];

/**
 * Statistik: the yearly exports for the Kinder- und Jugendhilfestatistik (§ 99 SGB VIII): the erzieherische Hilfen
 * (office identification, plausibility check, export) and the Gefährdungseinschätzungen nach § 8a.
 */
export function StatisticsTab() {
  // The statistics report a closed year: the previous one by default.
  const [year, setYear] = useState(String(Number(todayIso().slice(0, 4)) - 1));
  const [checked, setChecked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const valid = /^\d{4}$/.test(year.trim()) && Number(year) >= 2000 && Number(year) <= 2100;
  const href = `/api/v1/finance/statistics/hze?year=${encodeURIComponent(year.trim())}`;
  const refuse = () => {
    setError('Bitte ein Jahr zwischen 2000 und 2100 angeben.');
    input.current?.focus();
  };

  return (
    <Stack gap="md" maw={860}>
      <Text>
        Statistik der erzieherischen Hilfen, Eingliederungshilfen (§ 35a) und Hilfen für junge Volljährige (§
        41) nach § 99 SGB VIII: ein Datensatz je bewilligter Hilfe nach §§ 27–35a und 41, die im Jahr lief, im
        Satzaufbau der Statistik mit ihren Schlüsseln. Vor der Meldung zeigt die Prüfung jeden Datensatz, den
        das Statistische Landesamt ablehnen würde, mit Feld und Grund.
      </Text>
      <Title order={2} size="h4">
        Kennung des Jugendamts
      </Title>
      <HzeOfficeForm />
      <Title order={2} size="h4">
        Prüfen und melden
      </Title>
      <Group align="flex-end">
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
            setChecked(null);
          }}
          error={error}
          w={160}
        />
        <Button variant="default" onClick={() => (valid ? setChecked(Number(year)) : refuse())}>
          Datensätze prüfen
        </Button>
        <Button
          component="a"
          href={href}
          download={`hze-statistik-${year.trim()}.csv`}
          onClick={(event) => {
            if (valid) return;
            event.preventDefault();
            refuse();
          }}
        >
          Statistik erzieherische Hilfen (CSV)
        </Button>
      </Group>
      {checked !== null && <HzeCheckSection year={checked} />}
      <DataTable caption="Woher die Merkmale des Datensatzes kommen" headers={['Merkmale', 'Woher']}>
        {sources.map(([column, source]) => (
          <Table.Tr key={column}>
            <Table.Td>{column}</Table.Td>
            <Table.Td>{source}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Divider my="md" />
      <CpStatisticsSection />
    </Stack>
  );
}
