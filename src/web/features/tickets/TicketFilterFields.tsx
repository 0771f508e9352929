import { Button, Grid, Group, Select, Text, type GridColProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelView } from '../../../contracts/catalog';
import type { TicketStatus } from '../../../contracts/tickets';
import { FilterBar } from '../../ui/Page';
import { SearchField } from '../../ui/SearchField';

/** Service lines offered by the line filter: flat, or grouped by channel. */
export type LineOptions = { value: string; label: string }[] | { group: string; items: { value: string; label: string }[] }[];

/** Every service line of the menu's channels, grouped by channel (a channel without lines left out). */
export function lineOptions(channels: ChannelView[] | undefined): LineOptions {
  return (channels ?? []).filter((c) => c.serviceLines.length > 0).map((c) => ({ group: c.name, items: c.serviceLines.map((l) => ({ value: String(l.id), label: l.name })) }));
}

/** The search box of a ticket list: a number or words. */
function TicketSearchField({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <SearchField label={t('ticketList.search')} placeholder={t('ticketList.searchPlaceholder')} description={t('ticketList.searchHint')} value={value} onChange={onChange} />
  );
}

/** The status filter: one of `statuses`, or all. */
function StatusFilter({ statuses, value, onChange }: { statuses: readonly TicketStatus[]; value: string | null; onChange: (status: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('tickets.fields.status')}
      placeholder={t('ticketList.allStatuses')}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
      data={statuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** The service line filter: one line, or all. */
function ServiceLineFilter({ lines, value, onChange }: { lines: LineOptions; value: number | undefined; onChange: (lineId: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('tickets.fields.serviceLine')}
      placeholder={t('ticketList.allLines')}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
      data={lines}
      // Options exist only while open: the line names are not repeated, hidden, on the page.
      comboboxProps={{ keepMounted: false }}
      value={value ? String(value) : null}
      onChange={onChange}
    />
  );
}

/** How wide a filter is at each breakpoint, of the grid's 12 columns. */
type Span = GridColProps['span'];

/**
 * A ticket list's filters in their grey box: the search, the status and the service line (each
 * `spans` wide), then the list's own filters (`children`, as grid columns).
 */
export function TicketFilterBar({
  search,
  status,
  serviceLineId,
  statuses,
  lines,
  set,
  spans,
  children,
}: {
  search: string;
  status: string | undefined;
  serviceLineId: number | undefined;
  statuses: readonly TicketStatus[];
  lines: LineOptions;
  set: (patch: Partial<Record<'q' | 'status' | 'serviceLineId', string | null>>) => void;
  spans: { search: Span; filter: Span };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FilterBar label={t('ticketList.filters')}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={spans.search}>
          <TicketSearchField value={search} onChange={(q) => set({ q })} />
        </Grid.Col>
        <Grid.Col span={spans.filter}>
          <StatusFilter statuses={statuses} value={status ?? null} onChange={(value) => set({ status: value })} />
        </Grid.Col>
        <Grid.Col span={spans.filter}>
          <ServiceLineFilter lines={lines} value={serviceLineId} onChange={(value) => set({ serviceLineId: value })} />
        </Grid.Col>
        {children}
      </Grid>
    </FilterBar>
  );
}

/** How a list is ordered: one of `options`, never none. */
export function OrderSelect<Value extends string>({ label, options, value, onChange }: { label: string; options: { value: Value; label: string }[]; value: Value; onChange: (value: Value) => void }) {
  return <Select label={label} allowDeselect={false} data={options} value={value} onChange={(v) => v && onChange(v as Value)} />;
}

/** The line under the filters: what the list holds (announced to screen readers), and a way to clear the filters in use. */
export function FilterSummary({ status, narrowed, onClear }: { status: ReactNode; narrowed: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mih={28}>
      <Text size="sm" c="dimmed" role="status">
        {status}
      </Text>
      {narrowed && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          {t('ticketList.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
