import { Alert, Badge, Menu, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconMailForward, IconTools, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentInput, agentUpdate } from '../../../contracts/admin';
import type { Language } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { ActiveBadge } from '../../ui/badges';
import { LoadedTable, PersonCell } from '../../ui/DataTable';
import { ConfirmDialog, FormModal, requiredField, useDialogForm } from '../../ui/FormModal';
import { check } from '../../ui/forms';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { ActiveMenuItem, EditMenuItem, RowMenu, useActiveToggle } from '../../ui/RowActions';
import { AgentSkillsModal } from '../assignment/AgentSkillsModal';
import { useMe } from '../auth/useMe';
import { useAgentActions, useAgents, useGroups, type Agent } from './useGroupsAdmin';

type Role = 'agent' | 'admin';

/** `/admin/agents`: the vendor's staff (agents and system administrators), invited by mail. */
export function AgentsAdminPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agents = useAgents();
  const groups = useGroups();
  const { update, resend } = useAgentActions();
  const notifyFailure = useNotifyFailure();
  const [form, setForm] = useState<{ agent: Agent | null } | null>(null);
  const [skillsOf, setSkillsOf] = useState<Agent | null>(null);
  const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  const activity = useActiveToggle<Agent>({
    mutation: update,
    change: (agent, active, callbacks) => update.mutate({ id: agent.id, patch: { active } }, callbacks),
    doneMessage: (agent, active) => t(active ? 'admin.agents.reactivated' : 'admin.agents.deactivated', { name: agent.name }),
  });

  const resendInvitation = (agent: Agent) =>
    resend.mutate(agent, {
      onSuccess: () => notifyDone(t('admin.agents.resent', { email: agent.email }), <IconMailForward size={18} aria-hidden />),
      onError: notifyFailure,
    });

  const name = (a: Agent) => (
    <>
      {a.name}
      {a.id === me?.id && (
        <Text component="span" size="xs" c="dimmed" fw={400}>
          {' '}
          ({t('admin.agents.you')})
        </Text>
      )}
    </>
  );

  return (
    <Page
      title={t('admin.agents.title')}
      description={t('admin.agents.intro')}
      primary={{ label: t('admin.agents.invite'), icon: <IconUserPlus size={18} aria-hidden />, onClick: () => setForm({ agent: null }) }}
    >
      <LoadedTable
        query={agents}
        label={t('admin.agents.title')}
        columns={[
          {
            label: t('admin.agents.fields.name'),
            cell: (a) => <PersonCell name={name(a)} email={a.email} pending={a.pendingEmail && t('admin.agents.pendingEmail', { email: a.pendingEmail })} />,
          },
          {
            label: t('admin.agents.fields.role'),
            cell: (a) => (
              <Badge variant="light" color={a.role === 'admin' ? 'grape' : 'blue'} c={a.role === 'admin' ? 'grape.9' : 'blue.9'} radius="sm" tt="none" miw="max-content">
                {t(`roles.${a.role}`)}
              </Badge>
            ),
          },
          { label: t('admin.agents.fields.groups'), cell: (a) => (a.groupIds.length ? a.groupIds.map((id) => groupName.get(id) ?? `#${id}`).join(', ') : '—') },
          {
            label: t('admin.common.status'),
            cell: (a) =>
              a.active && a.invitationPending ? (
                <Badge variant="dot" color="yellow" radius="sm" miw="max-content">
                  {t('admin.agents.invitationPending')}
                </Badge>
              ) : (
                <ActiveBadge active={a.active} />
              ),
          },
          {
            label: t('admin.common.actions'),
            width: 60,
            cell: (a) => (
              <RowMenu label={t('admin.common.actionsFor', { name: a.name })}>
                <EditMenuItem onClick={() => setForm({ agent: a })} />
                <Menu.Item leftSection={<IconTools size={16} aria-hidden />} onClick={() => setSkillsOf(a)}>
                  {t('live.assignment.skills')}
                </Menu.Item>
                {a.active && a.invitationPending && (
                  <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => resendInvitation(a)}>
                    {t('admin.agents.resend')}
                  </Menu.Item>
                )}
                {a.id !== me?.id && <ActiveMenuItem active={a.active} onDeactivate={() => activity.askToDeactivate(a)} onReactivate={() => activity.reactivate(a)} />}
              </RowMenu>
            ),
          },
        ]}
      />
      <AgentFormModal agent={form?.agent ?? null} opened={form !== null} onClose={() => setForm(null)} />
      <AgentSkillsModal agent={skillsOf} onClose={() => setSkillsOf(null)} />
      <ConfirmDialog {...activity.dialog} title={t('admin.agents.deactivateTitle', { name: activity.toDeactivate?.name ?? '' })} confirmLabel={t('admin.common.deactivate')}>
        <Text size="sm">{t('admin.agents.deactivateBody')}</Text>
      </ConfirmDialog>
    </Page>
  );
}

type Values = { name: string; email: string; role: Role; language: Language };

/** Invites a new member of staff, or renames one / changes their role. */
function AgentFormModal({ agent, opened, onClose }: { agent: Agent | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const { invite, update } = useAgentActions();
  const form = useDialogForm<Values>({
    opened,
    onClose,
    subject: agent,
    initial: () => ({ name: agent?.name ?? '', email: agent?.email ?? '', role: agent?.role ?? 'agent', language: currentLanguage() }),
  });
  const { values, set, errors, showErrors, whenSaved } = form;

  function submit() {
    if (agent) {
      const patch: { name?: string; email?: string; role?: Role } = {};
      if (values.name !== agent.name) patch.name = values.name;
      if (values.email.trim().toLowerCase() !== agent.email) patch.email = values.email;
      if (values.role !== agent.role) patch.role = values.role;
      if (!Object.keys(patch).length) return onClose();
      const result = check(agentUpdate, patch, translate);
      if (result.errors) return showErrors(result.errors, null);
      update.mutate(
        { id: agent.id, patch: result.data },
        whenSaved((saved) => (patch.email ? t('admin.agents.emailPending', { email: saved.pendingEmail ?? values.email }) : t('admin.common.savedNamed', { name: saved.name }))),
      );
      return;
    }
    const result = check(agentInput, values, translate);
    if (result.errors) return showErrors(result.errors, null);
    invite.mutate(result.data, whenSaved((created) => t('admin.agents.invited', { email: created.email }), <IconMailForward size={18} aria-hidden />));
  }

  return (
    <FormModal
      {...form.modal}
      size="lg"
      title={agent ? t('admin.common.editNamed', { name: agent.name }) : t('admin.agents.invite')}
      onSubmit={submit}
      note={!agent && <Text size="sm">{t('admin.agents.inviteNote')}</Text>}
      saving={invite.isPending || update.isPending}
      submitLabel={agent ? t('admin.common.save') : t('admin.agents.sendInvite')}
    >
      <TextInput {...requiredField(t('admin.agents.fields.name'))} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
      <TextInput
        {...requiredField(t('admin.agents.fields.email'))}
        type="email"
        value={values.email}
        disabled={agent?.invitationPending ?? false}
        description={agent ? t(agent.invitationPending ? 'admin.agents.emailLockedInvited' : 'admin.agents.emailChangeHelp') : undefined}
        onChange={(e) => set({ email: e.currentTarget.value })}
        error={errors.email}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('admin.agents.fields.role')}
          allowDeselect={false}
          data={(['agent', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={values.role}
          onChange={(v) => v && set({ role: v as Role })}
          error={errors.role}
        />
        {!agent && <LanguageSelect label={t('admin.agents.fields.language')} value={values.language} onChange={(language) => set({ language })} />}
      </SimpleGrid>
      {values.role === 'admin' && (
        <Alert color="grape" variant="light">
          {t('admin.agents.adminWarning')}
        </Alert>
      )}
    </FormModal>
  );
}
