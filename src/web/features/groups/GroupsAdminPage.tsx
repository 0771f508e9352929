import { MultiSelect, Switch, TextInput } from '@mantine/core';
import { IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupInput } from '../../../contracts/admin';
import { groupAssignment } from '../../../contracts/assignment';
import { useTranslate } from '../../app/useTranslate';
import { ActiveBadge, CodeBadges } from '../../ui/badges';
import { LoadedTable, TitleCell } from '../../ui/DataTable';
import { FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { EditButton } from '../../ui/RowActions';
import { assignmentInput, assignmentValues, GroupAssignmentFields, type AssignmentValues } from '../assignment/GroupAssignmentFields';
import { lineCodes, ServiceLinePicker } from '../catalog/ServiceLinePicker';
import { useCatalog, type Catalog } from '../catalog/useCatalogAdmin';
import { GroupEscalation } from '../sla/GroupEscalation';
import { useAgents, useGroups, useSaveGroup, type Group as AgentGroup } from './useGroupsAdmin';

/** `/admin/groups`: the queues of agents, who is in each, and which service lines each serves. */
export function GroupsAdminPage() {
  const { t } = useTranslation();
  const groups = useGroups();
  const agents = useAgents();
  const catalog = useCatalog();
  const [form, setForm] = useState<{ group: AgentGroup | null } | null>(null);
  const agentName = new Map((agents.data ?? []).map((a) => [a.id, a.name]));
  const lineCode = lineCodes(catalog.data);

  return (
    <Page
      title={t('admin.groups.title')}
      description={t('admin.groups.intro')}
      primary={{ label: t('admin.groups.new'), icon: <IconUsersPlus size={18} aria-hidden />, onClick: () => setForm({ group: null }), disabled: !catalog.data }}
    >
      <LoadedTable
        query={groups}
        label={t('admin.groups.title')}
        columns={[
          { label: t('admin.groups.fields.name'), cell: (g) => <TitleCell title={g.name} /> },
          { label: t('admin.groups.fields.members'), cell: (g) => (g.memberIds.length ? g.memberIds.map((id) => agentName.get(id) ?? '?').join(', ') : '—') },
          { label: t('admin.groups.fields.lines'), cell: (g) => <CodeBadges codes={g.serviceLineIds.map((id) => lineCode.get(id) ?? id)} /> },
          { label: t('slaAdmin.escalation.column'), cell: (g) => <GroupEscalation group={g} agents={agents.data ?? []} /> },
          { label: t('live.assignment.column'), cell: (g) => t(`live.assignment.modesShort.${g.assignment.mode}`) },
          { label: t('admin.common.status'), cell: (g) => <ActiveBadge active={g.active} /> },
          { label: t('admin.common.actions'), width: 110, cell: (g) => <EditButton name={g.name} onClick={() => setForm({ group: g })} disabled={!catalog.data} /> },
        ]}
      />
      {catalog.data && <GroupFormModal catalog={catalog.data} group={form?.group ?? null} opened={form !== null} onClose={() => setForm(null)} />}
    </Page>
  );
}

type Values = { name: string; active: boolean; memberIds: string[]; serviceLineIds: number[] } & AssignmentValues;

/** Creates a group or edits one: its name, members, service lines and state. */
function GroupFormModal({ catalog, group, opened, onClose }: { catalog: Catalog; group: AgentGroup | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const agents = useAgents();
  const save = useSaveGroup();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: group,
    initial: () => ({
      name: group?.name ?? '',
      active: group?.active ?? true,
      memberIds: group?.memberIds ?? [],
      serviceLineIds: group?.serviceLineIds ?? [],
      ...assignmentValues(group?.assignment),
    }),
  });
  const { values, set, errors } = form;

  function submit() {
    const result = check(groupInput, values, translate);
    const assignment = check(groupAssignment, assignmentInput(values), translate);
    if (result.errors || assignment.errors) return form.showErrors({ ...result.errors, ...assignment.errors }, null);
    save.mutate({ id: group?.id ?? null, input: result.data, assignment: assignment.data }, form.whenSaved((saved) => t('admin.common.savedNamed', { name: saved.name })));
  }

  const activeAgents = (agents.data ?? []).filter((a) => a.active || values.memberIds.includes(a.id));

  return (
    <FormModal {...form.modal} size="xl" title={group ? t('admin.common.editNamed', { name: group.name }) : t('admin.groups.new')} onSubmit={submit} saving={save.isPending}>
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
      <GroupAssignmentFields values={values} set={set} errors={errors} />
    </FormModal>
  );
}
