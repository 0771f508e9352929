import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ConfirmDialog } from '../../ui/FormModal';
import { errorText } from '../../ui/forms';
import { ListStates } from '../../ui/ListStates';
import { notifyDone } from '../../ui/notify';
import { PageHeader } from '../../ui/Page';
import { positiveInt } from '../../app/format';
import { useMe } from '../auth/useMe';
import { BulkBar, useBulk } from '../bulk/BulkBar';
import { selectColumn } from '../bulk/selectColumn';
import { useSelection } from '../bulk/useSelection';
import { ShortcutsHelp } from '../workspace/ShortcutsHelp';
import { useShortcuts } from '../workspace/useShortcuts';
import { live, pageSize, useTicketPages } from '../tickets/useTickets';
import { filterParams, useDeleteView, useSavedViews, useViewCounts } from './useViews';
import { ViewEditor } from './ViewEditor';
import { ViewTable } from './ViewTable';

/** `/workspace/views/:id`: a saved view's tickets, with its columns; its editor and, for who may, edit and delete. */
export function SavedViewPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const id = positiveInt(useParams().id);
  const navigate = useNavigate();
  const views = useSavedViews(me?.staffRole != null);
  const view = views.data?.views.find((v) => v.id === id);
  const count = useViewCounts(view !== undefined).data?.saved.find((c) => c.id === id);
  const list = useTicketPages(
    ['savedView', id, view?.revision],
    () => {
      const params = filterParams(view?.filters ?? {}, new URLSearchParams({ sort: view?.sort ?? 'updated', order: view?.order ?? 'desc', limit: String(pageSize) }));
      if (view?.filters.from || view?.filters.to || view?.filters.updatedFrom || view?.filters.updatedTo) params.set('tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
      return params;
    },
    { ...live, enabled: view !== undefined } as typeof live,
  );
  const remove = useDeleteView();
  const [dialog, setDialog] = useState<'edit' | 'new' | 'delete' | null>(null);
  const [help, setHelp] = useState(false);
  const tickets = useMemo(() => list.data?.pages.flatMap((page) => page.tickets) ?? [], [list.data]);
  const checked = useSelection(tickets);
  const bulk = useBulk(checked);
  const shortcuts = useShortcuts([
    { keys: ['*'], label: t('bulk.shortcuts.selectPage'), run: () => checked.togglePage() },
    { keys: ['a'], label: t('bulk.shortcuts.assignMe'), run: () => (checked.count && me ? bulk.run({ action: 'assign', assigneeId: me.id }) : false) },
    { keys: ['b'], label: t('bulk.shortcuts.menu'), run: () => (checked.count ? bulk.setMenu(true) : false) },
    { keys: ['Escape'], label: t('bulk.shortcuts.clear'), run: () => (checked.count ? checked.clear() : false) },
    { keys: ['?'], label: t('workspace.shortcuts.help'), run: () => setHelp(true) },
  ]);

  if (!me?.staffRole || id === undefined || (views.isSuccess && !view)) return <NotFoundPage />;
  if (!view) return null;
  const shared = t(`views.sharedWith.${view.share}`, { group: view.group?.name ?? '' });

  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Text size="sm" fw={700} c="blue.9" tt="uppercase">
            {t('views.section')}
          </Text>
        }
        title={view.name}
        description={`${shared} ${view.owner.id === me.id ? '' : t('views.owner', { name: view.owner.name })}`.trim()}
        actions={
          <Group gap="sm">
            <ShortcutsHelp items={shortcuts} opened={help} onOpen={() => setHelp(true)} onClose={() => setHelp(false)} />
            {view.editable && (
                <>
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
                  {t('views.edit')}
                </Button>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('delete')}>
                  {t('views.delete')}
                </Button>
                </>
            )}
          </Group>
        }
        primary={{ label: t('views.new'), icon: <IconPlus size={16} aria-hidden />, onClick: () => setDialog('new') }}
      />
      <Text c="dimmed" aria-live="polite">
        {count ? (count.capped ? t('views.countCapped', { n: count.count }) : t('views.count', { n: count.count, count: count.count })) : ''}
      </Text>
      <ListStates query={list} empty={tickets.length === 0} emptyIcon={<IconCircleCheck size={26} aria-hidden />} emptyColor="teal" emptyText={t('views.empty')} loadMoreLabel={t('ticketList.loadMore')}>
        <Stack gap="sm">
          <BulkBar selection={checked} bulk={bulk} meId={me.id} />
          <ViewTable tickets={tickets} columns={view.columns} label={view.name} leading={selectColumn(checked, t)} />
        </Stack>
      </ListStates>
      <ViewEditor opened={dialog === 'edit'} onClose={() => setDialog(null)} me={me} view={view} />
      <ViewEditor opened={dialog === 'new'} onClose={() => setDialog(null)} me={me} start={{ filters: view.filters, sort: view.sort, order: view.order, columns: view.columns }} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('views.delete')}
        confirmLabel={t('views.delete')}
        loading={remove.isPending}
        error={errorText(remove.error, t('errors.internal'))}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          remove.mutate(view, {
            onSuccess: () => {
              notifyDone(t('views.deleted'));
              void navigate('/workspace');
            },
          })
        }
      >
        <Text>{t('views.confirmDelete', { name: view.name })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
