import { Badge, Button, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconMailForward, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactView } from '../../../contracts/people';
import { ApiError } from '../../api/client';
import { DataTable } from '../../ui/DataTable';
import { ListStates } from '../../ui/ListStates';
import { NotFoundPage } from '../../app/NotFoundPage';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { ActiveMenuItem, EditMenuItem, RowMenu, useActiveToggle } from '../../ui/RowActions';
import { ConfirmDialog } from '../../ui/FormModal';
import { PageHeader } from '../../ui/Page';
import { CompanyLine, CompanyTrail, companyPages, useCompanyId } from './CompanyContext';
import { ContactFormModal, permissionKeys } from './ContactFormModal';
import { formatCpf } from './format';
import { useContactActions, useContacts, type ContactStatus } from './usePeople';

/** `/companies/:companyId/people` ("Administração de contatos"). */
export function PeoplePage() {
  const companyId = useCompanyId();
  if (!companyId) return <NotFoundPage />;
  return <People companyId={companyId} />;
}

function People({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ContactStatus>('all');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useContacts(companyId, { q: debounced, status });
  const actions = useContactActions(companyId);
  const [editing, setEditing] = useState<ContactView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const contacts = list.data?.pages.flatMap((p) => p.contacts) ?? [];
  const narrowed = debounced !== '' || status !== 'all';
  const notifyFailure = useNotifyFailure();
  const activity = useActiveToggle<ContactView>({
    mutation: actions.setActive,
    change: (contact, active, callbacks) => actions.setActive.mutate({ id: contact.id, active }, callbacks),
    doneMessage: (contact, active) => t(active ? 'people.list.reactivated' : 'people.list.deactivated', { name: contact.name }),
  });

  const openForm = (contact: ContactView | null) => {
    setEditing(contact);
    setFormOpen(true);
  };

  const resend = (contact: ContactView) =>
    actions.resend.mutate(contact.id, {
      onSuccess: () => notifyDone(t('people.list.resent', { email: contact.email }), <IconMailForward size={18} aria-hidden />),
      onError: notifyFailure,
    });

  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;

  return (
    <Stack gap="lg">
      <PageHeader
        above={<CompanyTrail companyId={companyId} />}
        title={t('people.list.title')}
        description={<CompanyLine companyId={companyId}>{t('people.list.intro')}</CompanyLine>}
        actions={
          <>
            <Button component={Link} to={companyPages(companyId).import} variant="default" leftSection={<IconFileImport size={18} aria-hidden />}>
              {t('people.nav.import')}
            </Button>
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => openForm(null)}>
              {t('people.list.new')}
            </Button>
          </>
        }
      />

      <Paper withBorder p="md" bg="gray.0" role="search" aria-label={t('people.list.filters')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="search"
            label={t('people.list.search')}
            placeholder={t('people.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="people-status">
              {t('people.fields.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="people-status"
              value={status}
              onChange={(v) => setStatus(v as ContactStatus)}
              data={(['all', 'active', 'inactive'] as const).map((s) => ({ value: s, label: t(`people.list.statuses.${s}`) }))}
            />
          </Stack>
        </Group>
      </Paper>

      <Text size="sm" c="dimmed" role="status" mih={20}>
        {list.isSuccess && contacts.length > 0 ? t('people.list.shown', { n: contacts.length, count: contacts.length }) : ''}
      </Text>

      <ListStates
        query={list}
        empty={contacts.length === 0}
        emptyIcon={<IconUsers size={26} aria-hidden />}
        emptyText={narrowed ? t('people.list.emptyFiltered') : t('people.list.empty')}
        loadMoreLabel={t('people.list.loadMore')}
      >
        <DataTable
          minWidth={760}
          label={t('people.list.title')}
          columns={[
            { label: t('people.fields.name') },
            { label: t('people.fields.phone') },
            { label: t('people.fields.cpf') },
            { label: t('people.fields.permissions') },
            { label: t('people.fields.status') },
            {
              label: (
                <Text component="span" size="sm" fw={700}>
                  {t('admin.common.actions')}
                </Text>
              ),
              width: 60,
            },
          ]}
        >
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {c.email}
                </Text>
                {c.pendingEmail && (
                  <Text size="xs" c="orange.9">
                    {t('people.list.pendingEmail', { email: c.pendingEmail })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.phone || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCpf(c.cpf) || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {permissionKeys.filter((k) => c[k]).length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('people.permissions.none')}
                    </Text>
                  )}
                  {permissionKeys
                    .filter((k) => c[k])
                    .map((k) => (
                      <Badge key={k} variant="light" color={k === 'isPortalAdmin' ? 'grape' : 'blue'} c={k === 'isPortalAdmin' ? 'grape.9' : 'blue.9'} radius="sm" tt="none" fw={600} miw="max-content">
                        {t(`people.permissions.short.${k}`)}
                      </Badge>
                    ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <ContactStatusBadge contact={c} />
              </Table.Td>
              <Table.Td>
                <RowMenu label={t('people.list.actionsFor', { name: c.name })}>
                  <EditMenuItem onClick={() => openForm(c)} />
                  {c.invitationPending && c.active && (
                    <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => resend(c)}>
                      {t('people.list.resend')}
                    </Menu.Item>
                  )}
                  <ActiveMenuItem
                    active={c.active}
                    labels={{ deactivate: t('people.list.deactivate'), reactivate: t('people.list.reactivate') }}
                    onDeactivate={() => activity.askToDeactivate(c)}
                    onReactivate={() => activity.reactivate(c)}
                  />
                </RowMenu>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStates>

      <ContactFormModal companyId={companyId} contact={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        {...activity.dialog}
        title={t('people.deactivate.title', { name: activity.toDeactivate?.name ?? '' })}
        confirmLabel={t('people.list.deactivate')}
      >
        <Text size="sm">{t('people.deactivate.body')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** Inactive, invited (no password yet) or active. */
export function ContactStatusBadge({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  if (!contact.active)
    return (
      <Badge variant="dot" color="gray" radius="sm" miw="max-content">
        {t('people.status.inactive')}
      </Badge>
    );
  if (contact.invitationPending)
    return (
      <Badge variant="dot" color="yellow" radius="sm" miw="max-content">
        {t('people.status.invited')}
      </Badge>
    );
  return (
    <Badge variant="dot" color="teal" radius="sm" miw="max-content">
      {t('people.status.active')}
    </Badge>
  );
}
