import { Alert, Button, Group, List, Menu, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconChevronDown, IconProgress, IconTags, IconUserCheck, IconUserPlus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { agentView, groupView } from '../../../contracts/admin';
import { bulkStatuses, type BulkInput, type BulkResult } from '../../../contracts/bulk';
import { api } from '../../api/client';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { errorText } from '../../ui/forms';
import { notifyDone } from '../../ui/notify';
import { TagsField } from '../tags/TagsField';
import { useBulkAction } from './useBulk';
import type { Selection } from './useSelection';

type Dialog = 'assign' | 'transfer' | 'status' | 'tags';
type Action = BulkInput extends infer I ? (I extends { rows: unknown } ? Omit<I, 'rows'> : never) : never;

/**
 * The bulk actions over a list's checked tickets: the runner that sends one and keeps checked the
 * rows it could not change (listed with why in a dialog), and the menu's state, which the `b` key opens.
 */
export function useBulk(selection: Selection) {
  const { t } = useTranslation();
  const action = useBulkAction();
  const [result, setResult] = useState<BulkResult | null>(null);
  const [menu, setMenu] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const run = (input: Action, rows = selection.rows(), after?: () => void) => {
    if (!rows.length) return;
    action.mutate({ ...input, rows } as BulkInput, {
      onSuccess: (res) => {
        const failed = res.results.filter((r) => !r.ok).map((r) => r.number);
        selection.keepOnly(failed);
        if (failed.length) setResult(res);
        else notifyDone(t('bulk.done', { count: res.applied }));
        after?.();
      },
      onError: (error) => notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) }),
    });
  };
  return { run, pending: action.isPending, error: action.error, menu, setMenu, dialog, setDialog, result, closeResult: () => setResult(null) };
}
export type Bulk = ReturnType<typeof useBulk>;

/** The groups and agents of the assign and transfer pickers (the ticket page's query). */
function useDirectory(enabled: boolean) {
  const directory = useQuery({
    queryKey: ['ticketPickers', 'directory'],
    queryFn: () => api.get<{ groups: z.infer<typeof groupView>[]; agents: z.infer<typeof agentView>[] }>('/api/staff/directory'),
    enabled,
  });
  return { groups: (directory.data?.groups ?? []).filter((g) => g.active), agents: (directory.data?.agents ?? []).filter((a) => a.active) };
}

/** The bar over a list while tickets are checked: how many, the actions' menu, and clearing. */
export function BulkBar({ selection, bulk, meId }: { selection: Selection; bulk: Bulk; meId: string }) {
  const { t } = useTranslation();
  if (selection.count === 0 && !bulk.result && !bulk.dialog) return null;
  const open = (dialog: Dialog) => () => bulk.setDialog(dialog);
  return (
    <>
      {selection.count > 0 && (
        <Paper withBorder p="xs" px="md" bg="blue.0" role="region" aria-label={t('bulk.menu')}>
          <Group justify="space-between" gap="sm">
            <Text fw={600} aria-live="polite">
              {t('bulk.selected', { count: selection.count })}
            </Text>
            <Group gap="xs">
              <Button size="xs" leftSection={<IconUserCheck size={16} aria-hidden />} loading={bulk.pending} onClick={() => bulk.run({ action: 'assign', assigneeId: meId })}>
                {t('bulk.assignMe')}
              </Button>
              <Menu opened={bulk.menu} onChange={bulk.setMenu} position="bottom-end">
                <Menu.Target>
                  <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} disabled={bulk.pending}>
                    {t('bulk.menu')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open('assign')}>
                    {t('bulk.assign')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={open('transfer')}>
                    {t('bulk.transfer')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconProgress size={16} aria-hidden />} onClick={open('status')}>
                    {t('bulk.status')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconTags size={16} aria-hidden />} onClick={open('tags')}>
                    {t('bulk.tags')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={16} aria-hidden />} onClick={selection.clear}>
                {t('bulk.clear')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <BulkDialog dialog={bulk.dialog} count={selection.count} bulk={bulk} onClose={() => bulk.setDialog(null)} />
      <Modal opened={bulk.result !== null} onClose={bulk.closeResult} title={t('bulk.resultTitle')} closeButtonProps={{ 'aria-label': t('bulk.close') }}>
        {bulk.result && (
          <Stack gap="sm">
            <Text>{t('bulk.resultSummary', { applied: bulk.result.applied, failed: bulk.result.failed })}</Text>
            <List spacing={4} size="sm" aria-label={t('bulk.resultTitle')}>
              {bulk.result.results.map((r) =>
                r.ok ? null : (
                  <List.Item key={r.number} data-failed-ticket={r.number}>
                    <Text span fw={600} ff="monospace">
                      #{r.number}
                    </Text>{' '}
                    {[r.message, ...Object.values(r.fields ?? {})].join(' ')}
                  </List.Item>
                ),
              )}
            </List>
            <Text size="sm" c="dimmed">
              {t('bulk.failedHint')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={bulk.closeResult}>{t('bulk.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

type Values = { assigneeId: string | null; groupId: string | null; note: string; status: string | null; tags: string[] };
const nobody = '-';

/** The dialog of one bulk action's choice: the assignee, the group and reason, the status, the tags. */
function BulkDialog({ dialog, count, bulk, onClose }: { dialog: Dialog | null; count: number; bulk: Bulk; onClose: () => void }) {
  const { t } = useTranslation();
  const directory = useDirectory(dialog === 'assign' || dialog === 'transfer');
  const form = useDialogForm<Values>({ opened: dialog !== null, subject: dialog, onClose, initial: () => ({ assigneeId: null, groupId: null, note: '', status: null, tags: [] }) });
  const { values, set, errors } = form;
  const required = t('validation.required');

  const submit = () => {
    const missing: Record<string, string> = {};
    let input: Action | undefined;
    if (dialog === 'assign') {
      if (!values.assigneeId) missing.assigneeId = required;
      else input = { action: 'assign', assigneeId: values.assigneeId === nobody ? null : values.assigneeId };
    } else if (dialog === 'transfer') {
      if (!values.groupId) missing.groupId = required;
      if (!values.note.trim()) missing.note = required;
      if (values.groupId && values.note.trim()) input = { action: 'transfer', groupId: Number(values.groupId), note: values.note.trim() };
    } else if (dialog === 'status') {
      if (!values.status) missing.status = required;
      else input = { action: 'status', status: values.status as (typeof bulkStatuses)[number] };
    } else if (dialog === 'tags') {
      if (!values.tags.length) missing.add = required;
      else input = { action: 'tags', add: values.tags };
    }
    if (!input) return form.showErrors(missing, null);
    bulk.run(input, undefined, onClose);
  };

  return (
    <FormModal {...form.modal} title={dialog ? t(`bulk.titles.${dialog}`) : ''} onSubmit={submit} saving={bulk.pending} submitLabel={t('bulk.apply', { count })}>
      {bulk.error && <Alert color="red">{errorText(bulk.error, t('errors.internal'))}</Alert>}
      {dialog === 'assign' && (
        <Select
          {...requiredField(t('bulk.assignee'))}
          searchable
          data={[{ value: nobody, label: t('bulk.nobody') }, ...directory.agents.map((a) => ({ value: a.id, label: a.name }))]}
          value={values.assigneeId}
          onChange={(assigneeId) => set({ assigneeId })}
          error={errors.assigneeId}
          data-autofocus
        />
      )}
      {dialog === 'transfer' && (
        <>
          <Select {...requiredField(t('bulk.group'))} data={directory.groups.map((g) => ({ value: String(g.id), label: g.name }))} value={values.groupId} onChange={(groupId) => set({ groupId })} error={errors.groupId} data-autofocus />
          <Textarea {...requiredField(t('bulk.note'))} autosize minRows={2} value={values.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note} />
        </>
      )}
      {dialog === 'status' && (
        <Select
          {...requiredField(t('bulk.newStatus'))}
          data={bulkStatuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
          value={values.status}
          onChange={(status) => set({ status })}
          error={errors.status}
          data-autofocus
        />
      )}
      {dialog === 'tags' && <TagsField label={t('bulk.tagsLabel')} value={values.tags} onChange={(tags) => set({ tags }, 'add')} error={errors.add} />}
    </FormModal>
  );
}
