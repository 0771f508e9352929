import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconMailForward, IconPlayerPlay, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentInput, agentUpdate } from '../../../contracts/admin';
import { languages, type Language } from '../../../contracts/i18n';
import { fieldLabel } from '../../app/FieldLabel';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { useMe } from '../auth/useMe';
import { ActiveBadge, check, ConfirmDialog, errorText, FormAlert, Loaded, PageHeader, serverErrors } from './ui';
import { useAgentActions, useAgents, useGroups, type Agent } from './useAdmin';

type Role = 'agent' | 'admin';

/** `/admin/agents`: the vendor's staff (agents and system administrators), invited by mail. */
export function AgentsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agents = useAgents();
  const groups = useGroups();
  const { update } = useAgentActions();
  const [form, setForm] = useState<{ agent: Agent | null } | null>(null);
  const [toDeactivate, setToDeactivate] = useState<Agent | null>(null);
  const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]));

  const setActive = (agent: Agent, active: boolean) =>
    update.mutate(
      { id: agent.id, patch: { active } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(active ? 'admin.agents.reactivated' : 'admin.agents.deactivated', { name: agent.name }) });
          setToDeactivate(null);
        },
        onError: (error) => {
          if (active) notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) });
        },
      },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.agents.title')}
        description={t('admin.agents.intro')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setForm({ agent: null })}>
            {t('admin.agents.invite')}
          </Button>
        }
      />
      <Loaded query={agents}>
        {(list) => (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={760} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('admin.agents.title')}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.agents.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('admin.agents.fields.role')}</Table.Th>
                    <Table.Th scope="col">{t('admin.agents.fields.groups')}</Table.Th>
                    <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                    <Table.Th scope="col" w={60}>
                      {t('admin.common.actions')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {a.name}
                          {a.id === me?.id && (
                            <Text component="span" size="xs" c="dimmed" fw={400}>
                              {' '}
                              ({t('admin.agents.you')})
                            </Text>
                          )}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {a.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={a.role === 'admin' ? 'grape' : 'blue'} c={a.role === 'admin' ? 'grape.9' : 'blue.9'} radius="sm" tt="none" miw="max-content">
                          {t(`roles.${a.role}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.groupIds.length ? a.groupIds.map((id) => groupName.get(id) ?? `#${id}`).join(', ') : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ActiveBadge active={a.active} />
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('admin.common.actionsFor', { name: a.name })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setForm({ agent: a })}>
                              {t('admin.common.edit')}
                            </Menu.Item>
                            {a.id !== me?.id &&
                              (a.active ? (
                                <Menu.Item
                                  color="red"
                                  leftSection={<IconUserOff size={16} aria-hidden />}
                                  onClick={() => {
                                    update.reset();
                                    setToDeactivate(a);
                                  }}
                                >
                                  {t('admin.common.deactivate')}
                                </Menu.Item>
                              ) : (
                                <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setActive(a, true)}>
                                  {t('admin.common.reactivate')}
                                </Menu.Item>
                              ))}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Loaded>
      <AgentFormModal agent={form?.agent ?? null} opened={form !== null} onClose={() => setForm(null)} />
      <ConfirmDialog
        opened={toDeactivate !== null}
        title={t('admin.agents.deactivateTitle', { name: toDeactivate?.name ?? '' })}
        confirmLabel={t('admin.common.deactivate')}
        loading={update.isPending}
        error={errorText(update.error, t('errors.internal'))}
        onClose={() => setToDeactivate(null)}
        onConfirm={() => toDeactivate && setActive(toDeactivate, false)}
      >
        <Text size="sm">{t('admin.agents.deactivateBody')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

type Values = { name: string; email: string; role: Role; language: Language };

/** Invites a new member of staff, or renames one / changes their role. */
function AgentFormModal({ agent, opened, onClose }: { agent: Agent | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const { invite, update } = useAgentActions();
  const [values, setValues] = useState<Values>({ name: '', email: '', role: 'agent', language: currentLanguage() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!opened) return;
    setValues({ name: agent?.name ?? '', email: agent?.email ?? '', role: agent?.role ?? 'agent', language: currentLanguage() });
    setErrors({});
    setAlert(null);
  }, [opened, agent]);

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const show = (found: Record<string, string>, message: string | null) => {
    setErrors(found);
    setAlert(message);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const failed = (error: unknown) => {
    const { fields, alert: message } = serverErrors(error, t('errors.internal'));
    show(fields, message);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (agent) {
      const patch: { name?: string; role?: Role } = {};
      if (values.name !== agent.name) patch.name = values.name;
      if (values.role !== agent.role) patch.role = values.role;
      if (!Object.keys(patch).length) return onClose();
      const result = check(agentUpdate, patch, translate);
      if (result.errors) return show(result.errors, null);
      update.mutate(
        { id: agent.id, patch: result.data },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('admin.common.savedNamed', { name: saved.name }) });
            onClose();
          },
          onError: failed,
        },
      );
      return;
    }
    const result = check(agentInput, values, translate);
    if (result.errors) return show(result.errors, null);
    invite.mutate(result.data, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', icon: <IconMailForward size={18} aria-hidden />, message: t('admin.agents.invited', { email: created.email }) });
        onClose();
      },
      onError: failed,
    });
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={agent ? t('admin.common.editNamed', { name: agent.name }) : t('admin.agents.invite')}
      closeButtonProps={{ 'aria-label': t('admin.common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {!agent && <Text size="sm">{t('admin.agents.inviteNote')}</Text>}
          <FormAlert message={alert} />
          <TextInput
            label={fieldLabel(t('admin.agents.fields.name'), true)}
            required
            withAsterisk={false}
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label={fieldLabel(t('admin.agents.fields.email'), true)}
            required
            withAsterisk={false}
            type="email"
            value={values.email}
            disabled={agent !== null}
            description={agent ? t('admin.agents.emailFixed') : undefined}
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
            {!agent && (
              <Select
                label={t('admin.agents.fields.language')}
                allowDeselect={false}
                data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                value={values.language}
                onChange={(v) => v && set({ language: v as Language })}
              />
            )}
          </SimpleGrid>
          {values.role === 'admin' && (
            <Alert color="grape" variant="light">
              {t('admin.agents.adminWarning')}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending || update.isPending}>
              {agent ? t('admin.common.save') : t('admin.agents.sendInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
