import type { TableExport } from '@leuchtturm/shared';
import { Button, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../app/QueryState.tsx';
import { downloadXlsx, type XlsxCell } from '../../app/xlsx.ts';
import { downloadCsv, toCsv } from './csv.ts';
import { useRecordExport } from './queries.ts';

export interface Column<T> {
  header: string;
  /** The figure as the table shows it. */
  cell: (row: T) => ReactNode;
  /** The same figure for the CSV file (decimal comma, no grouping, no unit; empty when not available). */
  csv: (row: T) => string;
  numeric?: boolean;
}

/** What a download writes and what the audit trail records about it (which table, which parameters). */
export interface TableDownload {
  /** The CSV file's name; the XLSX file is named alike. */
  filename: string;
  record: Omit<TableExport, 'format'>;
}

/**
 * The figures behind a chart: a real table with a caption (scrolling inside its own keyboard-reachable box when it
 * is long) and buttons that download exactly these figures as CSV or XLSX, each recorded in the audit trail first.
 */
export function FigureTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  download,
  name,
  maxHeight = 380,
  footer,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Without it no download buttons (tables that are not figures, e.g. an import report). */
  download?: TableDownload;
  /** Short name of the figures, for the download button's accessible name. */
  name: string;
  maxHeight?: number;
  /** A closing row (e.g. the median): the cells as shown and as written to the CSV file. */
  footer?: { cells: readonly ReactNode[]; csv: readonly string[] };
}) {
  const record = useRecordExport();
  const filename = download?.filename ?? 'tabelle.csv';
  const writeCsv = () =>
    downloadCsv(
      filename,
      toCsv(
        columns.map((c) => c.header),
        [...rows.map((row) => columns.map((c) => c.csv(row))), ...(footer ? [footer.csv] : [])],
      ),
    );
  // The spreadsheet gets numbers where the CSV has German decimals ("32,25"), text elsewhere.
  const asCell = (value: string): XlsxCell =>
    /^-?\d+(,\d+)?$/.test(value) ? Number(value.replace(',', '.')) : value;
  const writeXlsx = () =>
    downloadXlsx(filename.replace(/\.csv$/, '.xlsx'), name, [
      columns.map((c) => c.header),
      ...rows.map((row) => columns.map((c) => asCell(c.csv(row)))),
      ...(footer ? [footer.csv.map(asCell)] : []),
    ]);
  const save = (format: TableExport['format']) => {
    if (!download) return;
    record.mutate({ ...download.record, format }, { onSuccess: format === 'csv' ? writeCsv : writeXlsx });
  };
  const pending = (format: TableExport['format']) => record.isPending && record.variables?.format === format;
  return (
    <div>
      {download && (
        <Group justify="flex-end" mb="xs" gap="xs">
          <Button
            variant="default"
            size="sm"
            onClick={() => save('csv')}
            loading={pending('csv')}
            aria-label={`CSV herunterladen: ${name}`}
          >
            CSV herunterladen
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => save('xlsx')}
            loading={pending('xlsx')}
            aria-label={`XLSX herunterladen: ${name}`}
          >
            XLSX herunterladen
          </Button>
        </Group>
      )}
      {record.isError && <ErrorAlert error={record.error} title="Download nicht möglich" />}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard */}
      <section className="ctl-table-box" style={{ maxHeight }} tabIndex={0} aria-label={caption}>
        <Table striped highlightOnHover stickyHeader captionSide="top" verticalSpacing={6} fz="sm">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header} scope="col" ta={c.numeric ? 'right' : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <Table.Th key={c.header} scope="row" fw={500}>
                      {c.cell(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c.header} ta={c.numeric ? 'right' : undefined} className="ctl-num">
                      {c.cell(row)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {footer && (
            <Table.Tfoot>
              <Table.Tr>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <Table.Th key={c.header} scope="row">
                      {footer.cells[i]}
                    </Table.Th>
                  ) : (
                    <Table.Td
                      key={c.header}
                      ta={c.numeric ? 'right' : undefined}
                      fw={700}
                      className="ctl-num"
                    >
                      {footer.cells[i]}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </section>
    </div>
  );
}
