import {
  formatMoney,
  formatMoneyPlain,
  helpCategories,
  type MonthlyCost,
  sumMoney,
  todayIso,
} from '@leuchtturm/shared';
import { Badge, Button, Group, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { downloadFile, toCsv } from './csv.ts';
import { useMonthlyCosts } from './queries.ts';

const monthNames = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/** "2026-10" → "Oktober 2026" */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${monthNames[Number(m) - 1] ?? m} ${year}`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The next two months (planned costs), this month and the 23 before it; newest first. */
function monthOptions(selected: string) {
  const now = todayIso().slice(0, 7);
  const months = Array.from({ length: 26 }, (_, i) => shiftMonth(now, 2 - i));
  if (!months.includes(selected)) months.push(selected);
  return months.map((value) => ({ value, label: monthLabel(value) }));
}

type Row = MonthlyCost['rows'][number];
const columns: { label: string; numeric?: boolean }[] = [
  { label: 'Aktenzeichen' },
  { label: 'Hilfeart' },
  { label: 'Träger' },
  { label: 'Kategorie' },
  { label: 'Betrag', numeric: true },
  { label: 'Grundlage' },
];

/** Monatskosten: the cost of every approved measure in a month, by the one cost rule or the payment booked. */
export function CostsTab() {
  const search = useSearch({ from: '/app/finanzen' });
  const navigate = useNavigate({ from: '/finanzen' });
  const month = search.monat ?? todayIso().slice(0, 7);
  const costs = useMonthlyCosts(month);
  const [filter, setFilter] = useState('');

  const needle = filter.trim().toLowerCase();
  const rows = (costs.data?.rows ?? []).filter(
    (r) =>
      needle === '' ||
      [r.caseNumber, r.helpType, r.provider ?? ''].some((text) => text.toLowerCase().includes(needle)),
  );
  const shownTotal = sumMoney(rows.map((r) => r.amount));

  function download() {
    const lines = rows.map((r) => [
      r.measureId,
      r.caseNumber,
      r.helpType,
      r.provider ?? '',
      helpCategories.labels[r.category],
      formatMoneyPlain(r.amount),
      r.paid ? 'Zahlung' : 'berechnet',
    ]);
    const header = ['Maßnahme', 'Aktenzeichen', 'Hilfeart', 'Träger', 'Kategorie', 'Betrag', 'Grundlage'];
    downloadFile(`kosten-${month}.csv`, toCsv([header, ...lines]));
  }

  return (
    <>
      <Group align="flex-end">
        <NativeSelect
          label="Monat"
          data={monthOptions(month)}
          value={month}
          onChange={(e) =>
            void navigate({ search: (prev) => ({ ...prev, monat: e.currentTarget.value }), replace: true })
          }
          w={220}
        />
        <TextInput
          label="Filter"
          description="Aktenzeichen, Hilfeart oder Träger"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={280}
        />
        <Button variant="default" onClick={download} disabled={rows.length === 0}>
          CSV herunterladen
        </Button>
      </Group>
      <Text size="sm" maw={720}>
        Je Hilfe der Betrag nach der Kostenregel (Satz je Tag, Fachleistungsstunde oder Monatspauschale); ist
        für die Hilfe und den Monat eine Zahlung gebucht, gilt die Zahlung („Zahlung“). Die CSV-Datei enthält
        genau die angezeigten Zeilen.
      </Text>
      {costs.isPending ? (
        <Loading />
      ) : costs.isError ? (
        <ErrorAlert error={costs.error} title="Laden fehlgeschlagen" />
      ) : (
        <div aria-busy={costs.isFetching}>
          <Paper withBorder p="md" mb="md">
            <Text fw={700} size="lg">
              Summe {monthLabel(costs.data.month)}: {formatMoney(costs.data.total)}
            </Text>
            {needle !== '' && (
              <Text>
                Angezeigte Zeilen ({rows.length} von {costs.data.rows.length}): {formatMoney(shownTotal)}
              </Text>
            )}
          </Paper>
          {rows.length === 0 ? (
            <Text c="gray.8">
              {costs.data.rows.length === 0
                ? `Für ${monthLabel(costs.data.month)} sind keine Kosten angefallen.`
                : 'Keine Zeile passt zum Filter.'}
            </Text>
          ) : (
            <CostTable month={costs.data.month} rows={rows} />
          )}
        </div>
      )}
    </>
  );
}

function CostTable({ month, rows }: { month: string; rows: Row[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover captionSide="top" verticalSpacing="xs">
        <Table.Caption>
          Kosten {monthLabel(month)}: {rows.length} {rows.length === 1 ? 'Hilfe' : 'Hilfen'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} scope="col" ta={c.numeric ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.measureId}>
              <Table.Td>{r.caseNumber}</Table.Td>
              <Table.Td>{r.helpType}</Table.Td>
              <Table.Td>{r.provider ?? 'individueller Satz'}</Table.Td>
              <Table.Td>{helpCategories.labels[r.category]}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(r.amount)}
              </Table.Td>
              <Table.Td>
                {r.paid ? (
                  <Badge color="green" variant="light" tt="none">
                    Zahlung
                  </Badge>
                ) : (
                  'berechnet'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
