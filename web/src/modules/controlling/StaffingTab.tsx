import { formatNumberPlain } from '@leuchtturm/shared';
import { NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { YearSelect } from './Controls.tsx';
import { type Column, FigureTable } from './FigureTable.tsx';
import { num } from './format.ts';
import { SourceBadge } from './KpiCards.tsx';
import { type StaffingRow, useStaffing } from './queries.ts';
import type { useChoices } from './useChoices.ts';

const columns: Column<StaffingRow>[] = [
  { header: 'Sozialzentrum', cell: (r) => r.name, csv: (r) => r.name },
  { header: 'Jugendeinwohner', cell: (r) => num(r.jew), csv: (r) => formatNumberPlain(r.jew), numeric: true },
  {
    header: 'gewichtet (SGB II)',
    cell: (r) => num(r.weightedJew),
    csv: (r) => formatNumberPlain(r.weightedJew),
    numeric: true,
  },
  { header: 'Anteil (%)', cell: (r) => num(r.share), csv: (r) => formatNumberPlain(r.share), numeric: true },
  {
    header: 'Soll nach Bemessung (VZE)',
    cell: (r) => num(r.referenceVze),
    csv: (r) => formatNumberPlain(r.referenceVze),
    numeric: true,
  },
  {
    header: 'Soll (VZE)',
    cell: (r) => num(r.sollVze),
    csv: (r) => formatNumberPlain(r.sollVze),
    numeric: true,
  },
  { header: 'Ist (VZE)', cell: (r) => num(r.istVze), csv: (r) => formatNumberPlain(r.istVze), numeric: true },
  {
    header: 'Quelle Ist',
    cell: (r) => (r.istSource === 'computed' ? 'Personalverlauf' : <SourceBadge source={r.istSource} />),
    csv: (r) => sourceLabels[r.istSource],
  },
  ...split('Soll', 'soll'),
  ...split('Ist', 'ist'),
];

const sourceLabels = {
  computed: 'Personalverlauf',
  imported: 'importiert',
  derived: 'aus Import abgeleitet',
  none: 'keine Daten',
} as const;

/** Casemanagement (CM) and Referatsleitung (RL), each in VZE and heads. */
function split(label: string, side: 'soll' | 'ist'): Column<StaffingRow>[] {
  const functions = [
    ['CM', 'casemanagement'],
    ['RL', 'referatsleitung'],
  ] as const;
  return functions.flatMap(([short, key]) =>
    (
      [
        ['VZE', 'vze'],
        ['Köpfe', 'heads'],
      ] as const
    ).map(
      ([unit, field]): Column<StaffingRow> => ({
        header: `${label} ${short} (${unit})`,
        cell: (r) => num(r.split[side][key][field]),
        csv: (r) => formatNumberPlain(r.split[side][key][field]),
        numeric: true,
      }),
    ),
  );
}

/** Staffing Soll/Ist per Sozialzentrum and the staff reference by young inhabitants weighted with SGB II. */
export function StaffingTab({ choices }: { choices: ReturnType<typeof useChoices> }) {
  const { year, set } = choices;
  const [total, setTotal] = useState<number | ''>('');
  const query = useStaffing(year, total === '' ? null : total);
  return (
    <Stack gap="md">
      <Text maw={760}>
        Die Personalbemessung verteilt ein Gesamt-Soll nach Jugendeinwohnern, gewichtet mit dem Anteil der
        Kinder in SGB-II-Haushalten (importierte Kennzahl „sgb2_quote“ je Stadtteil), statt nach Fallzahlen.
        Das Ist ist importiert, wenn eine Datei es für das Sozialzentrum und Jahr enthält, sonst der Stand des
        Personalverlaufs am 31.12. des Jahres (wer mit welchem Stellenanteil in welchem Team war); spätere
        Personaländerungen verändern ein vergangenes Jahr nicht. CM: Casemanagement, RL: Referatsleitung.
      </Text>
      <YearSelect label="Jahr" value={year} onChange={(value) => set({ jahr: value })} w={160} />
      <NumberInput
        label="Gesamt-Soll in VZE"
        description="leer: Summe des importierten Solls, sonst des Ist"
        value={total}
        onChange={(value) => setTotal(typeof value === 'number' ? value : '')}
        min={0}
        max={100000}
        decimalSeparator=","
        w={260}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} title="Personalbemessung konnte nicht geladen werden" />
      ) : (
        <FigureTable
          caption={`Personalbemessung ${query.data.year}: ${num(query.data.totalSoll)} VZE`}
          columns={columns}
          rows={query.data.centres}
          rowKey={(r) => r.code}
          download={{
            filename: `personalbemessung-${query.data.year}.csv`,
            record: { table: 'personalbemessung', year: query.data.year },
          }}
          name="Personalbemessung"
        />
      )}
    </Stack>
  );
}
