import { Badge, Button, Group, MultiSelect, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconUsersPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { groupInput } from '../../../contracts/admin';
import { DataTable } from '../../ui/DataTable';
import { useTranslate } from '../../app/useTranslate';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { EditButton } from '../../ui/RowActions';
import { ServiceLinePicker } from '../catalog/ServiceLinePicker';
import { ActiveBadge } from '../../ui/badges';
import { check } from '../../ui/forms';
import { Loaded } from '../../ui/ListStates';
import { PageHeader } from '../../ui/Page';
import { useAgents, useGroups, useSaveGroup, type Group as AgentGroup } from './useGroupsAdmin';
import { useCatalog, type Catalog } from '../catalog/useCatalogAdmin';

/** `/admin/groups`: the queues of agents, who is in each, and which service lines each serves. */
export function GroupsAdminPage() {
  const { t } = useTranslation();
  const groups = useGroups();
  const agents = useAgents();
  const catalog = useCatalog();
  const [form, setForm] = useState<{ group: AgentGroup | null } | null>(null);
  const agentName = new Map((agents.data ?? []).map((a) => [a.id, a.name]));
  const lineCode = new Map((catalog.data?.service_line ?? []).map((l) => [l.id, l.code ?? l.name]));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.groups.title')}
        description={t('admin.groups.intro')}
        actions={
          <Button leftSection={<IconUsersPlus size={18} aria-hidden />} onClick={() => setForm({ group: null })} disabled={!catalog.data}>
            {t('admin.groups.new')}
          </Button>
        }
      />
      <Loaded query={groups}>
        {(list) => (
          <DataTable
            minWidth={760}
            label={t('admin.groups.title')}
            columns={[
              { label: t('admin.groups.fields.name') },
              { label: t('admin.groups.fields.members') },
              { label: t('admin.groups.fields.lines') },
              { label: t('admin.common.status') },
              { label: t('admin.common.actions'), width: 110 },
            ]}
          >
            {list.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {g.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.memberIds.length ? g.memberIds.map((id) => agentName.get(id) ?? '?').join(', ') : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {g.serviceLineIds.length === 0 && (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                    {g.serviceLineIds.map((id) => (
                      <Badge key={id} variant="outline" color="gray" radius="sm" tt="none">
                        {lineCode.get(id) ?? id}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={g.active} />
                </Table.Td>
                <Table.Td>
                  <EditButton name={g.name} onClick={() => setForm({ group: g })} disabled={!catalog.data} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Loaded>
      {catalog.data && <GroupFormModal catalog={catalog.data} group={form?.group ?? null} opened={form !== null} onClose={() => setForm(null)} />}
    </Stack>
  );
}

type Values = { name: string; active: boolean; memberIds: string[]; serviceLineIds: number[] };

function GroupFormModal({ catalog, group, opened, onClose }: { catalog: Catalog; group: AgentGroup | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const agents = useAgents();
  const save = useSaveGroup();
  const { values, set, errors, alert, formRef, showErrors, whenSaved } = useDialogForm<Values>({
    opened,
    onClose,
    subject: group,
    initial: () => ({ name: group?.name ?? '', active: group?.active ?? true, memberIds: group?.memberIds ?? [], serviceLineIds: group?.serviceLineIds ?? [] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(groupInput, values, translate);
    if (result.errors) return showErrors(result.errors, null);
    save.mutate(
      { id: group?.id ?? null, input: result.data },
      whenSaved((saved) => t('admin.common.savedNamed', { name: saved.name })),
    );
  }

  const activeAgents = (agents.data ?? []).filter((a) => a.active || values.memberIds.includes(a.id));

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={group ? t('admin.common.editNamed', { name: group.name }) : t('admin.groups.new')}
      formRef={formRef}
      onSubmit={submit}
      alert={alert}
      saving={save.isPending}
    >
      <TextInput {...requiredField(t('admin.groups.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
      <MultiSelect
        label={t('admin.groups.fields.members')}
        description={t('admin.groups.membersHelp')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('admin.groups.clearMembers') }}
        nothingFoundMessage={t('ticketForm.nothingFound')}
        data={activeAgents.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        value={values.memberIds}
        onChange={(memberIds) => set({ memberIds })}
        error={errors.memberIds}
      />
      <ServiceLinePicker catalog={catalog} label={t('admin.groups.fields.lines')} value={values.serviceLineIds} onChange={(serviceLineIds) => set({ serviceLineIds })} error={errors.serviceLineIds} />
      <Switch label={t('admin.groups.fields.active')} description={t('admin.groups.activeHelp')} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
    </FormModal>
  );
}
