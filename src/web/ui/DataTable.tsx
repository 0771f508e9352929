import { Paper, Table, Text, type TableProps, type TableTrProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';
import { Loaded } from './ListStates';

/** One column: its header, the cell it shows for a row, and optionally a width, right alignment, the sort it shows. */
export type Column<Row> = {
  label: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: number;
  /** The widest a cell may grow, so a long text wraps (a ticket's summary). */
  maxWidth?: number;
  align?: 'right';
  sort?: 'ascending' | 'descending';
};

/** A record's own key, for the records that have an id. */
const byId = (row: unknown): Key => (row as { id: Key }).id;

/** What a DataTable takes: its rows and columns, and how it is named and laid out. */
export type DataTableProps<Row> = {
  rows: readonly Row[];
  /** What tells rows apart; a row's `id` unless told. */
  rowKey?: (row: Row) => Key;
  columns: (Column<Row> | false)[];
  minWidth?: number;
  label?: string;
  labelledBy?: string;
  className?: string;
  rowProps?: (row: Row) => TableTrProps;
  /** What a table differs in: denser rows, stripes, an id that controls point to. */
  tableProps?: TableProps;
};

/**
 * The app's lists as tables: bordered, scrolling sideways below `minWidth`, one header row and one
 * row a record (keyed by `rowKey`, its id unless told), each cell drawn by its column. Named by
 * `label`, or by the heading `labelledBy` points to.
 */
export function DataTable<Row>({ rows, rowKey = byId, columns, minWidth = 760, label, labelledBy, className, rowProps, tableProps }: DataTableProps<Row>) {
  // A column given as `false` is left out (`cond && {...}`).
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label} aria-labelledby={labelledBy} className={className} {...tableProps}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {shown.map((column, index) => (
                <Table.Th key={index} scope="col" w={column.width} ta={column.align} aria-sort={column.sort}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                {shown.map((column, index) => (
                  <Table.Td key={index} ta={column.align} maw={column.maxWidth}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A table of the rows `query` loads, once they are there; its loading and failure states before (see Loaded). */
export function LoadedTable<Row>({ query, ...table }: { query: { data: Row[] | undefined; error: Error | null; isPending: boolean } } & Omit<DataTableProps<Row>, 'rows'>) {
  return <Loaded query={query}>{(rows) => <DataTable rows={rows} {...table} />}</Loaded>;
}

/** A person's cell: the name in bold, the e-mail below, and an e-mail change waiting for its confirmation (`pending`, in words). */
export function PersonCell({ name, email, pending }: { name: ReactNode; email: string; pending?: string | null }) {
  return (
    <TitleCell title={name} detail={email}>
      {pending && (
        <Text size="xs" c="orange.9">
          {pending}
        </Text>
      )}
    </TitleCell>
  );
}

/** A record's main cell: its name in bold, a detail below (an e-mail; a description cut to `clamp` lines), and any note after. */
export function TitleCell({ title, detail, clamp, children }: { title: ReactNode; detail?: ReactNode; clamp?: number; children?: ReactNode }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed" lineClamp={clamp}>
          {detail}
        </Text>
      )}
      {children}
    </>
  );
}
