import { Alert, Anchor, Box, Button, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconTicket } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ticketStatuses } from '../../../contracts/tickets';
import { formatDateTime } from '../../app/format';
import { PageLoader } from '../../app/PageLoader';
import { useMe } from '../auth/useMe';
import { CriticalityBadge, StatusBadge } from './TicketBadges';
import { useTicketFilters } from './useTicketFilters';
import { useTicketList } from './useTickets';

/** Service lines offered by the line filter: flat, or grouped by channel. */
export type LineOptions = { value: string; label: string }[] | { group: string; items: { value: string; label: string }[] }[];

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
      <Paper withBorder p="md" bg="gray.0" component="section" role="search" aria-label={t('ticketList.filters')}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              type="search"
              label={t('ticketList.search')}
              placeholder={t('ticketList.searchPlaceholder')}
              description={t('ticketList.searchHint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Select
              label={t('tickets.fields.status')}
              placeholder={t('ticketList.allStatuses')}
              clearable
              clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
              data={statuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
              value={filters.status ?? null}
              onChange={(value) => set({ status: value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Select
              label={t('tickets.fields.serviceLine')}
              placeholder={t('ticketList.allLines')}
              clearable
              clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
              data={lines}
              // Options exist only while open: the line names are not repeated, hidden, on the page.
              comboboxProps={{ keepMounted: false }}
              value={filters.serviceLineId ? String(filters.serviceLineId) : null}
              onChange={(value) => set({ serviceLineId: value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput type="date" label={t('ticketList.from')} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput type="date" label={t('ticketList.to')} value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select
              label={t('ticketList.sort')}
              allowDeselect={false}
              data={(['updated', 'created', 'number'] as const).map((s) => ({ value: s, label: t(`ticketList.sortBy.${s}`) }))}
              value={filters.sort}
              onChange={(value) => set({ sort: value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
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

      <Group justify="space-between" mih={28}>
        <Text size="sm" c="dimmed" role="status">
          {list.isSuccess ? (tickets.length ? t('ticketList.shown', { n: tickets.length }) : '') : ''}
        </Text>
        {narrowed && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={clear}
          >
            {t('ticketList.clearFilters')}
          </Button>
        )}
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{list.error.message}</Alert>
      ) : tickets.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon variant="light" color="gray" size={48} radius="xl">
              <IconTicket size={26} aria-hidden />
            </ThemeIcon>
            <Text fw={600}>{narrowed ? t('ticketList.emptyFiltered') : t('ticketList.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Box style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={820} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-labelledby={headingId}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col" aria-sort={ariaSort('number')} w={90}>
                      {t('tickets.fields.number')}
                    </Table.Th>
                    <Table.Th scope="col">{t('tickets.fields.summary')}</Table.Th>
                    <Table.Th scope="col">{t('tickets.fields.serviceLine')}</Table.Th>
                    <Table.Th scope="col">{t('tickets.fields.status')}</Table.Th>
                    <Table.Th scope="col">{t('tickets.fields.criticality')}</Table.Th>
                    <Table.Th scope="col" aria-sort={ariaSort('updatedAt')}>
                      {t('tickets.fields.updatedAt')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tickets.map((ticket) => (
                    <Table.Tr key={ticket.number}>
                      <Table.Td>
                        <Text size="sm" fw={600} ff="monospace">
                          #{ticket.number}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Anchor component={Link} to={`/tickets/${ticket.number}`} fw={600} size="sm" lineClamp={2}>
                          {ticket.summary}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {ticket.requester.name} · {ticket.company.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ticket.serviceLine.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={ticket.status} />
                      </Table.Td>
                      <Table.Td>
                        <CriticalityBadge level={ticket.criticality} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" component="time" dateTime={ticket.updatedAt} style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(ticket.updatedAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {list.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('ticketList.loadMore')}
              </Button>
            </Group>
          )}
        </Box>
      )}
    </Stack>
  );
}
