import { formatMoneyPlain, toCsv } from '@leuchtturm/shared';
import { Button, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable } from '../../app/components/DataTable.tsx';
import { downloadXlsx, type XlsxCell } from '../../app/xlsx.ts';
import { downloadCsv } from '../controlling/csv.ts';

export interface BudgetColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The value for the files: text, or with `amount` the API's exact decimal ("1234.50"). */
  file: (row: T) => string;
  /** An amount: right-aligned; the CSV writes it exactly with a decimal comma, the XLSX as a number. */
  amount?: boolean;
}

/**
 * A budget table with buttons that download exactly its rows as CSV (the shared writer: semicolon, decimal comma)
 * or XLSX (the app's writer). Budget figures hold no personal data, so the downloads are not recorded.
 */
export function BudgetTable<T>({
  caption,
  name,
  filename,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  /** Short name for the buttons' accessible names. */
  name: string;
  /** Without extension. */
  filename: string;
  columns: readonly BudgetColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  const writeCsv = () =>
    downloadCsv(
      `${filename}.csv`,
      toCsv([
        columns.map((c) => c.header),
        ...rows.map((r) => columns.map((c) => (c.amount ? formatMoneyPlain(c.file(r)) : c.file(r)))),
      ]),
    );
  const writeXlsx = () =>
    downloadXlsx(`${filename}.xlsx`, name, [
      columns.map((c) => c.header),
      ...rows.map((r) => columns.map((c): XlsxCell => (c.amount ? Number(c.file(r)) : c.file(r)))),
    ]);
  return (
    <div>
      <Group justify="flex-end" mb="xs" gap="xs">
        <Button variant="default" size="sm" onClick={writeCsv} aria-label={`CSV herunterladen: ${name}`}>
          CSV herunterladen
        </Button>
        <Button variant="default" size="sm" onClick={writeXlsx} aria-label={`XLSX herunterladen: ${name}`}>
          XLSX herunterladen
        </Button>
      </Group>
      <DataTable caption={caption} headers={columns.map((c) => c.header)} minWidth={760}>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((c) => (
              <Table.Td key={c.header} ta={c.amount ? 'right' : undefined}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
    </div>
  );
}
