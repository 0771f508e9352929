import { Grid, Paper, Select, Stack, Text, TextInput, useMantineTheme } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconTicket } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketStatuses } from '../../../contracts/tickets';
import { dayYears } from '../../../contracts/time';
import { formatDateTime } from '../../app/format';
import { ListStates } from '../../ui/ListStates';
import { useMe } from '../auth/useMe';
import { FilterSummary, ServiceLineFilter, StatusFilter, TicketSearchField, type LineOptions } from './TicketFilterFields';
import { TicketCards } from './TicketCards';
import { TicketTable } from './TicketTable';
import { useTicketFilters } from './useTicketFilters';
import { useTicketList } from './useTickets';

export type { LineOptions } from './TicketFilterFields';

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
  // Below a tablet's width a table's columns would scroll out of sight: cards instead.
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
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
      <Paper withBorder p="md" bg="gray.0" component="section" role="search" aria-label={t('ticketList.filters')}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TicketSearchField value={search} onChange={(q) => set({ q })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <StatusFilter statuses={statuses} value={filters.status ?? null} onChange={(status) => set({ status })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <ServiceLineFilter lines={lines} value={filters.serviceLineId} onChange={(serviceLineId) => set({ serviceLineId })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput type="date" min={firstDay} max={lastDay} label={t('ticketList.from')} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput type="date" min={firstDay} max={lastDay} label={t('ticketList.to')} value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Select
              label={t('ticketList.sort')}
              allowDeselect={false}
              data={(['updated', 'created', 'number'] as const).map((s) => ({ value: s, label: t(`ticketList.sortBy.${s}`) }))}
              value={filters.sort}
              onChange={(value) => set({ sort: value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Select
              label={t('ticketList.order')}
              allowDeselect={false}
              data={(['desc', 'asc'] as const).map((o) => ({ value: o, label: t(`ticketList.orders.${o}`) }))}
              value={filters.order}
              onChange={(value) => set({ order: value })}
            />
          </Grid.Col>
        </Grid>
      </Paper>

      <FilterSummary status={list.isSuccess && tickets.length ? t('ticketList.shown', { n: tickets.length, count: tickets.length }) : ''} narrowed={narrowed} onClear={clear} />

      <ListStates
        query={list}
        empty={tickets.length === 0}
        emptyIcon={<IconTicket size={26} aria-hidden />}
        emptyText={narrowed ? t('ticketList.emptyFiltered') : t('ticketList.empty')}
        loadMoreLabel={t('ticketList.loadMore')}
      >
        {wide ? (
          <TicketTable
            tickets={tickets}
            labelledBy={headingId}
            minWidth={820}
            sort={{ number: ariaSort('number'), time: ariaSort('updatedAt') }}
            time={{
              label: t('tickets.fields.updatedAt'),
              render: (ticket) => (
                <Text size="sm" component="time" dateTime={ticket.updatedAt} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(ticket.updatedAt)}
                </Text>
              ),
            }}
          />
        ) : (
          <TicketCards
            tickets={tickets}
            labelledBy={headingId}
            details={(ticket) => `${ticket.requester.name} · ${ticket.company.name} · ${ticket.serviceLine.name}`}
            time={(ticket) => (
              <>
                {t('tickets.fields.updatedAt')}: <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
              </>
            )}
          />
        )}
      </ListStates>
    </Stack>
  );
}
