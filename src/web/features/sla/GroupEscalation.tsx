import { Button, MultiSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useDialogForm } from '../../ui/FormModal';
import { useEscalation, useSaveEscalation } from './useSlaAdmin';

type Agent = { id: string; name: string; email: string; active: boolean };

/** A group's escalation contacts in the groups' table: their names, and a button to change them. */
export function GroupEscalation({ group, agents }: { group: { id: number; name: string }; agents: Agent[] }) {
  const { t } = useTranslation();
  const escalation = useEscalation().data;
  const [editing, setEditing] = useState(false);
  const contactIds = escalation?.groups.find((g) => g.id === group.id)?.contactIds ?? [];
  const names = contactIds.map((id) => agents.find((a) => a.id === id)?.name ?? '?');
  return (
    <>
      <Button variant="subtle" size="compact-sm" color={names.length ? undefined : 'gray'} onClick={() => setEditing(true)} disabled={!escalation} aria-label={t('slaAdmin.escalation.edit', { name: group.name })} style={{ whiteSpace: 'normal', height: 'auto' }}>
        {names.length ? names.join(', ') : t('slaAdmin.escalation.none')}
      </Button>
      <EscalationModal group={group} contactIds={contactIds} agents={agents} opened={editing} onClose={() => setEditing(false)} />
    </>
  );
}

function EscalationModal({ group, contactIds, agents, opened, onClose }: { group: { id: number; name: string }; contactIds: string[]; agents: Agent[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveEscalation();
  const form = useDialogForm({ opened, onClose, subject: contactIds.join(','), initial: () => ({ personIds: contactIds }) });
  const submit = () =>
    save.mutate({ groupId: group.id, input: { personIds: form.values.personIds, previous: contactIds } }, form.whenSaved(() => t('slaAdmin.escalation.saved', { name: group.name })));
  const choices = agents.filter((a) => a.active || form.values.personIds.includes(a.id));
  return (
    <FormModal {...form.modal} title={t('slaAdmin.escalation.edit', { name: group.name })} onSubmit={submit} saving={save.isPending}>
      <MultiSelect
        label={t('slaAdmin.escalation.field')}
        searchable
        data={choices.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        value={form.values.personIds}
        onChange={(personIds) => form.set({ personIds })}
        error={form.errors.personIds}
        data-autofocus
      />
      <Text size="sm" c="dimmed">
        {t('slaAdmin.escalation.help')}
      </Text>
    </FormModal>
  );
}
