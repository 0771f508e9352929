import { Menu, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MacroView } from '../../../contracts/macros';
import { NotFoundPage } from '../../app/NotFoundPage';
import { DataTable, TitleCell } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/FormModal';
import { errorText } from '../../ui/forms';
import { ListStates } from '../../ui/ListStates';
import { notifyDone } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { EditMenuItem, RowMenu } from '../../ui/RowActions';
import { useMe } from '../auth/useMe';
import { actionsText } from './macroActions';
import { MacroFormModal } from './MacroFormModal';
import { useDeleteMacro, useMacros } from './useMacros';

/** `/workspace/macros`: the macros the agent may apply, with who shares them, what they do and how often they are used. */
export function MacrosPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const macros = useMacros(me?.staffRole != null);
  const remove = useDeleteMacro();
  const [form, setForm] = useState<{ macro: MacroView | null } | null>(null);
  const [deleting, setDeleting] = useState<MacroView | null>(null);
  if (!me?.staffRole) return <NotFoundPage />;
  const list = macros.data?.macros ?? [];

  return (
    <Page title={t('macros.title')} description={t('macros.intro')} primary={{ label: t('macros.new'), icon: <IconPlus size={18} aria-hidden />, onClick: () => setForm({ macro: null }) }}>
      <ListStates query={macros} empty={list.length === 0} emptyText={t('macros.emptyList')}>
        <DataTable
          rows={list}
          label={t('macros.title')}
          columns={[
            { label: t('macros.fields.name'), maxWidth: 420, cell: (m) => <TitleCell title={m.name} detail={m.body || t('macros.previewEmpty')} clamp={2} /> },
            { label: t('macros.fields.share'), cell: (m) => t(`macros.sharedWith.${m.share}`, { group: m.group?.name ?? '' }) },
            { label: t('macros.fields.actions'), cell: (m) => actionsText(m.actions, t) || t('macros.onlyReply') },
            { label: t('macros.fields.uses'), align: 'right', width: 80, cell: (m) => m.usageCount },
            { label: t('macros.fields.owner'), cell: (m) => m.owner.name },
            {
              label: t('admin.common.actions'),
              width: 90,
              cell: (m) =>
                m.editable && (
                  <RowMenu label={t('macros.menu', { name: m.name })}>
                    <EditMenuItem onClick={() => setForm({ macro: m })} />
                    <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(m)}>
                      {t('macros.delete')}
                    </Menu.Item>
                  </RowMenu>
                ),
            },
          ]}
        />
      </ListStates>
      {macros.data && <MacroFormModal macro={form?.macro ?? null} groups={macros.data.groups} isAdmin={me.staffRole === 'admin'} opened={form !== null} onClose={() => setForm(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('macros.deleteTitle')}
        confirmLabel={t('macros.delete')}
        loading={remove.isPending}
        error={errorText(remove.error, t('errors.internal'))}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifyDone(t('macros.deleted'));
              setDeleting(null);
            },
          })
        }
      >
        <Text>{t('macros.confirmDelete', { name: deleting?.name ?? '' })}</Text>
      </ConfirmDialog>
    </Page>
  );
}
