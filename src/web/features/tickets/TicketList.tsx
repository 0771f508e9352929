import { Grid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTicket } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketStatuses } from '../../../contracts/tickets';
import { dayYears } from '../../../contracts/time';
import { formatDateTime } from '../../app/format';
import { useMe } from '../auth/useMe';
import { FilterSummary, OrderSelect, TicketFilterBar, type LineOptions } from './TicketFilterFields';
import { TicketResults } from './TicketResults';
import { orders, sorts, useTicketFilters } from './useTicketFilters';
import { useTicketList } from './useTickets';

/** The days a period may span, as the server takes them (contracts/time.ts). */
const firstDay = `${dayYears.min}-01-01`;
const lastDay = `${dayYears.max}-12-31`;

/**
 * Tickets the person may read, with filters kept in the address (status, service line, period,
 * search by number or words, sort) and keyset pages loaded with "Carregar mais".
 */
export function TicketList({ channel, lines, headingId }: { channel?: string; lines: LineOptions; headingId?: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const { filters, search, set, clear, narrowed } = useTicketFilters(channel);
  // The address follows every keystroke; the server is asked once typing pauses.
  const [q] = useDebouncedValue(filters.q, 300);
  const list = useTicketList(useMemo(() => ({ ...filters, q }), [filters, q]));

  // Customers never see "on hold": the server shows it to them as in progress.
  const statuses = ticketStatuses.filter((s) => me?.staffRole || s !== 'on_hold');
  const tickets = list.data?.pages.flatMap((page) => page.tickets) ?? [];
  const sortedColumn = filters.sort === 'number' ? 'number' : filters.sort === 'updated' ? 'updatedAt' : null;
  const ariaSort = (column: 'number' | 'updatedAt') =>
    sortedColumn === column ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <Stack gap="md">
      <TicketFilterBar search={search} status={filters.status} serviceLineId={filters.serviceLineId} statuses={statuses} lines={lines} set={set} spans={{ search: { base: 12, md: 6 }, filter: { base: 12, xs: 6, md: 3 } }}>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <TextInput type="date" min={firstDay} max={lastDay} label={t('ticketList.from')} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <TextInput type="date" min={firstDay} max={lastDay} label={t('ticketList.to')} value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <OrderSelect label={t('ticketList.sort')} options={sorts.map((s) => ({ value: s, label: t(`ticketList.sortBy.${s}`) }))} value={filters.sort} onChange={(sort) => set({ sort })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
          <OrderSelect label={t('ticketList.order')} options={orders.map((o) => ({ value: o, label: t(`ticketList.orders.${o}`) }))} value={filters.order} onChange={(order) => set({ order })} />
        </Grid.Col>
      </TicketFilterBar>

      <FilterSummary status={list.isSuccess && tickets.length ? t('ticketList.shown', { n: tickets.length, count: tickets.length }) : ''} narrowed={narrowed} onClear={clear} />

      <TicketResults
        query={list}
        tickets={tickets}
        labelledBy={headingId}
        empty={{ icon: <IconTicket size={26} aria-hidden />, text: narrowed ? t('ticketList.emptyFiltered') : t('ticketList.empty') }}
        table={{
          minWidth: 820,
          // Agents see each ticket's next SLA due time; customers never do (their rows carry none).
          sla: Boolean(me?.staffRole),
          sort: { number: ariaSort('number'), time: ariaSort('updatedAt') },
          time: {
            label: t('tickets.fields.updatedAt'),
            render: (ticket) => (
              <Text size="sm" component="time" dateTime={ticket.updatedAt} style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(ticket.updatedAt)}
              </Text>
            ),
          },
        }}
        cards={{
          details: (ticket) => `${ticket.requester.name} · ${ticket.company.name} · ${ticket.serviceLine.name}`,
          time: (ticket) => (
            <>
              {t('tickets.fields.updatedAt')}: <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
            </>
          ),
        }}
      />
    </Stack>
  );
}
