import { Badge, Button, Group, Modal, MultiSelect, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconUsersPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { groupInput } from '../../../contracts/admin';
import { fieldLabel } from '../../app/FieldLabel';
import { useTranslate } from '../../app/useTranslate';
import { ServiceLinePicker } from './ServiceLinePicker';
import { ActiveBadge, check, FormAlert, Loaded, PageHeader, serverErrors } from './ui';
import { useAgents, useCatalog, useGroups, useSaveGroup, type Catalog, type Group as AgentGroup } from './useAdmin';

/** `/admin/groups`: the queues of agents, who is in each, and which service lines each serves. */
export function GroupsPage() {
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
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={760} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('admin.groups.title')}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.groups.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('admin.groups.fields.members')}</Table.Th>
                    <Table.Th scope="col">{t('admin.groups.fields.lines')}</Table.Th>
                    <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                    <Table.Th scope="col" w={110}>
                      {t('admin.common.actions')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          leftSection={<IconEdit size={14} aria-hidden />}
                          onClick={() => setForm({ group: g })}
                          disabled={!catalog.data}
                          aria-label={t('admin.common.editNamed', { name: g.name })}
                        >
                          {t('admin.common.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
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
  const [values, setValues] = useState<Values>({ name: '', active: true, memberIds: [], serviceLineIds: [] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!opened) return;
    setValues({ name: group?.name ?? '', active: group?.active ?? true, memberIds: group?.memberIds ?? [], serviceLineIds: group?.serviceLineIds ?? [] });
    setErrors({});
    setAlert(null);
  }, [opened, group]);

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(groupInput, values, translate);
    if (result.errors) {
      setErrors(result.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(
      { id: group?.id ?? null, input: result.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('admin.common.savedNamed', { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          const { fields, alert: message } = serverErrors(error, t('errors.internal'));
          setErrors(fields);
          setAlert(message);
        },
      },
    );
  }

  const activeAgents = (agents.data ?? []).filter((a) => a.active || values.memberIds.includes(a.id));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={group ? t('admin.common.editNamed', { name: group.name }) : t('admin.groups.new')}
      closeButtonProps={{ 'aria-label': t('admin.common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={alert} />
          <TextInput
            label={fieldLabel(t('admin.groups.fields.name'), true)}
            required
            withAsterisk={false}
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            data-autofocus
          />
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('admin.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

