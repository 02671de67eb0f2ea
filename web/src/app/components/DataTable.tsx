import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plain data table with a visible caption and column headers. */
export function DataTable({
  caption,
  headers,
  minWidth = 560,
  children,
}: {
  caption: string;
  headers: readonly string[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover captionSide="top" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
