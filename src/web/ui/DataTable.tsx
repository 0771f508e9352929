import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One header cell: its text, and optionally a fixed width, right alignment, the sort it shows. */
export type Column = { label: ReactNode; width?: number; align?: 'right'; sort?: 'ascending' | 'descending' };

/**
 * The app's lists as tables: bordered, scrolling sideways below `minWidth`, one header row of
 * `columns`, rows as children. Named by `label`, or by the heading `labelledBy` points to.
 */
export function DataTable({
  columns,
  minWidth,
  label,
  labelledBy,
  className,
  children,
}: {
  columns: Column[];
  minWidth: number;
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label} aria-labelledby={labelledBy} className={className}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th key={index} scope="col" w={column.width} ta={column.align} aria-sort={column.sort}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
