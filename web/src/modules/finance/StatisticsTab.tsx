import { todayIso } from '@leuchtturm/shared';
import { Button, Divider, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { CpStatisticsSection } from '../childProtection/StatisticsSection.tsx';

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
      <Title order={2} size="h4">
        Inhalt je Hilfe
      </Title>
      <List spacing={4}>
        <List.Item>Kennung der Hilfe (pseudonym; die Statistikstelle erhält keine Namen)</List.Item>
        <List.Item>Art des Trägers, Hilfeart (§) und Ort der Hilfe</List.Item>
        <List.Item>Beginn und Ende (Monat/Jahr), Status zum Jahresende und Grund der Beendigung</List.Item>
        <List.Item>
          Geschlecht, Geburtsmonat und -jahr, vorrangig gesprochene Sprache der jungen Person
        </List.Item>
        <List.Item>bis zu drei Gründe für die Hilfe und ob eine Gefährdungseinschätzung vorausging</List.Item>
      </List>
      <Text size="sm">
        Noch nicht enthalten, weil die Fallakte sie nicht führt: z. B. familiengerichtliche Entscheidung,
        anregende Stelle, Wohnsituation und Schul- oder Ausbildungsstatus (siehe docs/hze-statistics.md).
      </Text>
      <Divider my="md" />
      <CpStatisticsSection />
    </Stack>
  );
}
