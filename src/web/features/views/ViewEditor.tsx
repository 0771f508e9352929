import { Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../../../contracts/auth';
import { levels } from '../../../contracts/criticality';
import { ticketStatuses } from '../../../contracts/tickets';
import { defaultColumns, listColumns, listSorts, type ListColumn, type ListSort, type SavedView, type ViewFilters, type ViewShare } from '../../../contracts/views';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { useChannels } from '../catalog/useChannels';
import { TagsField } from '../tags/TagsField';
import { useSaveView, useSavedViews } from './useViews';

type Values = {
  name: string;
  share: ViewShare;
  groupId: string | null;
  filters: ViewFilters;
  sort: ListSort;
  order: 'desc' | 'asc';
  columns: ListColumn[];
};

/**
 * The view editor: a name, who sees it (only me; a group I am in; every agent, for the system
 * administrator), the filters, the order and the columns. `view`: the one to change; `start`: the
 * filters a new view begins with (the list the agent is looking at).
 */
export function ViewEditor({ opened, onClose, me, view, start }: { opened: boolean; onClose: () => void; me: MeView; view?: SavedView; start?: Partial<Values> }) {
  const { t } = useTranslation();
  const save = useSaveView();
  const groups = useSavedViews(opened).data?.groups ?? [];
  const lines = (useChannels().data ?? []).flatMap((channel) => channel.serviceLines.map((line) => ({ value: String(line.id), label: line.name })));
  const form = useDialogForm<Values>({
    opened,
    subject: view?.id,
    onClose,
    initial: () =>
      view
        ? { name: view.name, share: view.share, groupId: view.group ? String(view.group.id) : null, filters: view.filters, sort: view.sort, order: view.order, columns: view.columns }
        : { name: '', share: 'personal', groupId: null, filters: {}, sort: 'criticality', order: 'asc', columns: defaultColumns, ...start },
  });
  const { values, set, errors } = form;
  const filter = (patch: Partial<ViewFilters>) => set({ filters: { ...values.filters, ...patch } }, ...Object.keys(patch).map((k) => `filters.${k}`));
  const list = <T extends string>(items: T[]) => (items.length ? items : undefined);
  const shares: ViewShare[] = me.staffRole === 'admin' ? ['personal', 'group', 'all'] : ['personal', 'group'];

  const submit = () =>
    save.mutate(
      {
        id: view?.id,
        revision: view?.revision,
        input: {
          name: values.name,
          share: values.share,
          groupId: values.share === 'group' && values.groupId ? Number(values.groupId) : null,
          filters: values.filters,
          sort: values.sort,
          order: values.sort === 'criticality' ? 'asc' : values.order,
          columns: values.columns,
        },
      },
      form.whenSaved(() => t('views.saved')),
    );

  return (
    <FormModal {...form.modal} size="lg" title={view ? t('views.edit') : t('views.new')} onSubmit={submit} saving={save.isPending}>
      <TextInput {...requiredField(t('views.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} maxLength={80} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="view-share-label">
          {t('views.share')}
        </Text>
        <SegmentedControl
          aria-labelledby="view-share-label"
          data={shares.map((share) => ({ value: share, label: t(`views.shares.${share}`) }))}
          value={values.share}
          onChange={(share) => set({ share: share as ViewShare }, 'groupId')}
        />
        {errors.share && (
          <Text size="xs" c="red">
            {errors.share}
          </Text>
        )}
      </Stack>
      {values.share === 'group' && (
        <Select label={t('views.group')} data={groups.map((g) => ({ value: String(g.id), label: g.name }))} value={values.groupId} onChange={(groupId) => set({ groupId })} error={errors.groupId} />
      )}
      <Text fw={600}>{t('views.filters')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('views.statuses')}
          searchable
          data={ticketStatuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
          value={values.filters.status ?? []}
          onChange={(status) => filter({ status: list(status) as ViewFilters['status'] })}
          error={errors['filters.status']}
        />
        <MultiSelect
          label={t('views.criticalities')}
          searchable
          data={levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }))}
          value={values.filters.criticality ?? []}
          onChange={(criticality) => filter({ criticality: list(criticality) as ViewFilters['criticality'] })}
          error={errors['filters.criticality']}
        />
        <Select
          label={t('views.assignee')}
          data={(['anyone', 'me', 'nobody'] as const).map((a) => ({ value: a, label: t(`views.assignees.${a}`) }))}
          value={values.filters.assignee ?? null}
          onChange={(assignee) => filter({ assignee: assignee ?? undefined })}
          clearable
        />
        <MultiSelect
          label={t('views.groups')}
          searchable
          data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
          value={(values.filters.groupId ?? []).map(String)}
          onChange={(ids) => filter({ groupId: ids.length ? ids.map(Number) : undefined })}
        />
        <MultiSelect
          label={t('views.lines')}
          data={lines}
          value={(values.filters.serviceLineId ?? []).map(String)}
          onChange={(ids) => filter({ serviceLineId: ids.length ? ids.map(Number) : undefined })}
          searchable
        />
        <TagsField label={t('views.tags')} value={values.filters.tags ?? []} onChange={(tags) => filter({ tags: list(tags) })} error={errors['filters.tags']} />
        <NumberInput label={t('views.openedDays')} min={1} max={3650} value={values.filters.openedDays ?? ''} onChange={(n) => filter({ openedDays: typeof n === 'number' ? n : undefined })} />
        <NumberInput label={t('views.updatedDays')} min={1} max={3650} value={values.filters.updatedDays ?? ''} onChange={(n) => filter({ updatedDays: typeof n === 'number' ? n : undefined })} />
      </SimpleGrid>
      <TextInput label={t('views.words')} value={values.filters.q ?? ''} onChange={(e) => filter({ q: e.currentTarget.value || undefined })} error={errors['filters.q']} />
      <Group grow>
        <Select label={t('views.sort')} data={listSorts.map((s) => ({ value: s, label: t(`views.sorts.${s}`) }))} value={values.sort} allowDeselect={false} onChange={(sort) => sort && set({ sort: sort as ListSort })} />
        {values.sort !== 'criticality' && (
          <Select
            label={t('ticketList.sort')}
            data={(['desc', 'asc'] as const).map((o) => ({ value: o, label: t(`views.order.${o}`) }))}
            value={values.order}
            allowDeselect={false}
            onChange={(order) => order && set({ order: order as 'desc' | 'asc' })}
          />
        )}
      </Group>
      <MultiSelect
        label={t('views.columns')}
        searchable
        data={listColumns.map((c) => ({ value: c, label: t(`views.columnNames.${c}`) }))}
        value={values.columns}
        onChange={(columns) => set({ columns: columns as ListColumn[] })}
        error={errors.columns}
      />
    </FormModal>
  );
}
