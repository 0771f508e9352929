import { Badge, Button, Collapse, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceFloppy, IconFilter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ticketStatuses, type TicketSummaryView } from '../../../contracts/tickets';
import type { ListSort } from '../../../contracts/views';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePageTitle } from '../../app/usePageTitle';
import { useWide } from '../../ui/useWide';
import { useMe } from '../auth/useMe';
import { useChannels } from '../catalog/useChannels';
import { relativeTime } from '../tickets/formatting';
import { FilterSummary, lineOptions, OrderSelect, TicketFilterBar } from '../tickets/TicketFilterFields';
import { TicketResults } from '../tickets/TicketResults';
import { TagsField } from '../tags/TagsField';
import { countLabel } from '../views/useViews';
import { ViewEditor } from '../views/ViewEditor';
import { BulkBar, useBulk } from '../bulk/BulkBar';
import { selectColumn } from '../bulk/selectColumn';
import { useSelection } from '../bulk/useSelection';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useShortcuts } from './useShortcuts';
import { effectiveSort, rememberView, sortsOf, useWorkspaceCounts, useWorkspaceFilters, useWorkspaceList, viewOf, viewPath, views, type View, type WorkspaceSort } from './useWorkspace';
import classes from './WorkspacePage.module.css';

/** Moves focus to a ticket's link in the list, scrolled into view, so Enter opens it. */
function focusTicket(number: number) {
  const link = document.querySelector<HTMLAnchorElement>(`[data-ticket="${number}"] a[href]`);
  link?.focus({ preventScroll: true });
  link?.closest('[data-ticket]')?.scrollIntoView({ block: 'nearest' });
}

/** `/workspace/:view`: an agent's queue — a view of the tickets of their groups, the most critical first. */
export function WorkspacePage() {
  const view = viewOf(useParams().view);
  const me = useMe().data;
  if (!view || !me?.staffRole) return <NotFoundPage />;
  return <Workspace key={view} view={view} />;
}

function Workspace({ view }: { view: View }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const language = currentLanguage();
  const navigate = useNavigate();
  const wide = useWide('md');
  usePageTitle(t(`workspace.views.${view}`));

  const { filters, search, set, clear, narrowed } = useWorkspaceFilters();
  const [q] = useDebouncedValue(filters.q, 300);
  const list = useWorkspaceList(view, useMemo(() => ({ ...filters, q }), [filters, q]));
  const counts = useWorkspaceCounts().data;
  const channels = useChannels();
  const tickets = useMemo(() => list.data?.pages.flatMap((page) => page.tickets) ?? [], [list.data]);
  const [selected, setSelected] = useState<number | null>(null);
  const checked = useSelection(tickets);
  const bulk = useBulk(checked);
  const [help, setHelp] = useState(false);
  const [editor, setEditor] = useState(false);
  // On phones the filters fold away unless some are in use.
  const [filtersOpen, setFiltersOpen] = useState(narrowed);

  // "Next ticket" on a ticket page follows this view, its filters and its order.
  useEffect(() => {
    if (list.isSuccess) rememberView({ view, filters, numbers: tickets.map((ticket) => ticket.number) });
  }, [list.isSuccess, view, filters, tickets]);

  const open = (number: number) => void navigate(`/tickets/${number}`);
  const move = (step: 1 | -1) => {
    if (!tickets.length) return;
    const at = tickets.findIndex((ticket) => ticket.number === selected);
    const next = tickets[at < 0 ? (step === 1 ? 0 : tickets.length - 1) : Math.min(tickets.length - 1, Math.max(0, at + step))]!;
    setSelected(next.number);
    focusTicket(next.number);
  };
  const focused = () => tickets.find((ticket) => ticket.number === selected);
  const shortcuts = useShortcuts([
    { keys: ['j', 'ArrowDown'], label: t('workspace.shortcuts.down'), run: () => move(1) },
    { keys: ['k', 'ArrowUp'], label: t('workspace.shortcuts.up'), run: () => move(-1) },
    {
      keys: ['Enter'],
      label: t('workspace.shortcuts.enter'),
      // A focused link or button opens by itself; Enter elsewhere opens the selected row.
      run: (event) => {
        if ((event.target as HTMLElement).closest('a, button, input') || selected === null) return false;
        open(selected);
      },
    },
    {
      keys: ['n'],
      label: t('workspace.shortcuts.first'),
      run: () => {
        const first = tickets[0];
        if (first) open(first.number);
        else notifications.show({ message: t('workspace.noNext'), color: 'gray' });
      },
    },
    { keys: ['x'], label: t('bulk.shortcuts.select'), run: () => (focused() ? checked.toggle(focused()!) : false) },
    { keys: ['Shift+x'], label: t('bulk.shortcuts.range'), run: () => (focused() ? checked.toggle(focused()!, true) : false) },
    { keys: ['*'], label: t('bulk.shortcuts.selectPage'), run: () => checked.togglePage() },
    {
      keys: ['a'],
      label: t('bulk.shortcuts.assignMe'),
      run: () => {
        const one = focused();
        if (checked.count) bulk.run({ action: 'assign', assigneeId: me!.id });
        else if (one?.revision !== undefined) bulk.run({ action: 'assign', assigneeId: me!.id }, [{ number: one.number, revision: one.revision }]);
        else return false;
      },
    },
    { keys: ['b'], label: t('bulk.shortcuts.menu'), run: () => (checked.count ? bulk.setMenu(true) : false) },
    { keys: ['Escape'], label: t('bulk.shortcuts.clear'), run: () => (checked.count ? checked.clear() : false) },
    { keys: ['?'], label: t('workspace.shortcuts.help'), run: () => setHelp(true) },
  ]);

  const lines = lineOptions(channels.data);
  const sort = effectiveSort(view, filters.sort);
  const count = counts?.[view];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" fw={700} c="blue.9" tt="uppercase">
            {t('workspace.title')}
          </Text>
          <Title order={1} id="workspace-title">
            {t(`workspace.views.${view}`)}
          </Title>
          <Text c="dimmed">{t(`workspace.hints.${view}`)}</Text>
        </div>
        <Group gap="sm" wrap="nowrap">
          {wide && (
            <Text size="xs" c="dimmed" ta="right" className={classes.updated}>
              <Loader size={12} aria-hidden style={{ visibility: list.isFetching ? 'visible' : 'hidden' }} />
              {t('workspace.updatedAt', { time: new Date(list.dataUpdatedAt || Date.now()).toLocaleTimeString(language) })}
            </Text>
          )}
          <Button variant="default" size="xs" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setEditor(true)}>
            {t('views.new')}
          </Button>
          <ShortcutsHelp
            opened={help}
            onOpen={() => setHelp(true)}
            onClose={() => setHelp(false)}
            items={shortcuts}
          />
        </Group>
      </Group>

      {/* On phones the menu is folded away: the views stay one tap from the list. */}
      {!wide && (
        <Group gap={6}>
          {views.map((v) => (
            <Button
              key={v}
              component={Link}
              to={viewPath(v)}
              size="compact-sm"
              variant={v === view ? 'filled' : 'default'}
              aria-current={v === view ? 'page' : undefined}
              rightSection={counts ? <Badge size="xs" variant={v === view ? 'white' : 'light'} circle={!counts[v].capped && counts[v].count < 10}>{countLabel(counts[v])}</Badge> : undefined}
            >
              {t(`workspace.views.${v}`)}
            </Button>
          ))}
        </Group>
      )}

      {!wide && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFilter size={16} aria-hidden />}
            aria-expanded={filtersOpen}
            aria-controls="workspace-filters"
            onClick={() => setFiltersOpen((open) => !open)}
            rightSection={narrowed ? <Badge size="xs" circle aria-hidden>•</Badge> : undefined}
          >
            {t('ticketList.filters')}
          </Button>
        </Group>
      )}
      <Collapse expanded={wide || filtersOpen} id="workspace-filters">
        <TicketFilterBar search={search} status={filters.status} serviceLineId={filters.serviceLineId} statuses={ticketStatuses} lines={lines} set={set} spans={{ search: { base: 12, md: 4 }, filter: { base: 6, md: 3 } }}>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TagsField label={t('tags.filter')} placeholder={t('tags.filterPlaceholder')} value={filters.tags ?? []} onChange={(tags) => set({ tags: tags.join(',') || null })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <OrderSelect label={t('ticketList.sort')} options={sortsOf(view).map((s) => ({ value: s, label: t(`workspace.sorts.${s}`) }))} value={sort} onChange={(sort) => set({ sort })} />
          </Grid.Col>
        </TicketFilterBar>
      </Collapse>

      <FilterSummary
        status={narrowed ? (list.isSuccess ? t('ticketList.shown', { n: tickets.length, count: tickets.length }) : '') : count === undefined ? '' : count.capped ? t('views.countCapped', { n: count.count }) : t('workspace.count', { n: count.count, count: count.count })}
        narrowed={narrowed}
        onClear={clear}
      />

      {me && <BulkBar selection={checked} bulk={bulk} meId={me.id} />}
      <TicketResults
        query={list}
        tickets={tickets}
        labelledBy="workspace-title"
        empty={{ icon: <IconCircleCheck size={26} aria-hidden />, color: 'teal', text: narrowed ? t('ticketList.emptyFiltered') : t(`workspace.empty.${view}`) }}
        table={{
          minWidth: 900,
          companyColumn: true,
          sla: true,
          sort: { due: sort === 'due' ? 'ascending' : undefined },
          className: classes.table,
          time: { label: t('workspace.age'), render: (ticket) => <Age ticket={ticket} language={language} /> },
          onLinkFocus: setSelected,
          leading: selectColumn(checked, t),
          rowProps: (ticket) => ({
            'data-ticket': ticket.number,
            'data-selected': ticket.number === selected || undefined,
            'data-checked': checked.has(ticket.number) || undefined,
            className: classes.row,
            // The whole row opens the ticket; the link inside is what keyboards and readers use.
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a, input, label') || window.getSelection()?.toString()) return;
              open(ticket.number);
            },
          }),
        }}
        cards={{
          selected,
          leading: selectColumn(checked, t).cell,
          details: (ticket) => `${ticket.company.name} · ${ticket.serviceLine.name} · ${ticket.requester.name}`,
          time: (ticket) => `${relativeTime(ticket.createdAt, language)} · ${t('workspace.updatedAgo', { age: relativeTime(ticket.updatedAt, language) })}`,
        }}
      />
      {me && (
        <ViewEditor
          opened={editor}
          onClose={() => setEditor(false)}
          me={me}
          start={{ filters: { view, q: filters.q, status: filters.status ? [filters.status] : undefined, serviceLineId: filters.serviceLineId ? [filters.serviceLineId] : undefined, tags: filters.tags }, ...viewSort[sort] }}
        />
      )}
    </Stack>
  );
}

/** The workspace's orders as a saved view's sort and direction. */
const viewSort: Record<WorkspaceSort, { sort: ListSort; order: 'asc' | 'desc' }> = {
  criticality: { sort: 'criticality', order: 'asc' },
  oldest: { sort: 'created', order: 'asc' },
  newest: { sort: 'created', order: 'desc' },
  updated: { sort: 'updated', order: 'desc' },
  due: { sort: 'due', order: 'asc' },
};

/** Age and last change, e.g. "há 3 dias" over "atualizado há 5 minutos". */
function Age({ ticket, language }: { ticket: TicketSummaryView; language: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" component="time" dateTime={ticket.createdAt} title={formatDateTime(ticket.createdAt, language)} style={{ whiteSpace: 'nowrap' }}>
        {relativeTime(ticket.createdAt, language)}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('workspace.updatedAgo', { age: relativeTime(ticket.updatedAt, language) })}
      </Text>
    </>
  );
}
