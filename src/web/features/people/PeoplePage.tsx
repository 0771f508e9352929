import { ActionIcon, Alert, Badge, Box, Button, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconFileImport, IconMailForward, IconPlayerPlay, IconSearch, IconUserOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactView } from '../../../contracts/people';
import { ApiError } from '../../api/client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageLoader } from '../../app/PageLoader';
import { ConfirmDialog, errorText, PageHeader } from '../admin/ui';
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
  const [toDeactivate, setToDeactivate] = useState<ContactView | null>(null);
  const contacts = list.data?.pages.flatMap((p) => p.contacts) ?? [];
  const narrowed = debounced !== '' || status !== 'all';

  const openForm = (contact: ContactView | null) => {
    setEditing(contact);
    setFormOpen(true);
  };

  const reactivate = (contact: ContactView) =>
    actions.setActive.mutate(
      { id: contact.id, active: true },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('people.list.reactivated', { name: contact.name }) }),
        onError: (error) => notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) }),
      },
    );

  const resend = (contact: ContactView) =>
    actions.resend.mutate(contact.id, {
      onSuccess: () => notifications.show({ color: 'teal', icon: <IconMailForward size={18} aria-hidden />, message: t('people.list.resent', { email: contact.email }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) }),
    });

  const deactivateError = errorText(actions.setActive.error, t('errors.internal'));

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
        {list.isSuccess && contacts.length > 0 ? t('people.list.shown', { n: contacts.length }) : ''}
      </Text>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{list.error.message}</Alert>
      ) : contacts.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon variant="light" color="gray" size={48} radius="xl">
              <IconUsers size={26} aria-hidden />
            </ThemeIcon>
            <Text fw={600}>{narrowed ? t('people.list.emptyFiltered') : t('people.list.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Box style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={760} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('people.list.title')}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('people.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.phone')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.cpf')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.permissions')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.status')}</Table.Th>
                    <Table.Th scope="col" w={60}>
                      <Text component="span" size="sm" fw={700}>
                        {t('admin.common.actions')}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                              <Badge key={k} variant="light" color={k === 'isPortalAdmin' ? 'grape' : 'blue'}
                                c={k === 'isPortalAdmin' ? 'grape.9' : 'blue.9'} radius="sm" tt="none" fw={600} miw="max-content">
                                {t(`people.permissions.short.${k}`)}
                              </Badge>
                            ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <ContactStatusBadge contact={c} />
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('people.list.actionsFor', { name: c.name })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => openForm(c)}>
                              {t('admin.common.edit')}
                            </Menu.Item>
                            {c.invitationPending && c.active && (
                              <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => resend(c)}>
                                {t('people.list.resend')}
                              </Menu.Item>
                            )}
                            {c.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => {
                                  actions.setActive.reset();
                                  setToDeactivate(c);
                                }}
                              >
                                {t('people.list.deactivate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => reactivate(c)}>
                                {t('people.list.reactivate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {list.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('people.list.loadMore')}
              </Button>
            </Group>
          )}
        </Box>
      )}

      <ContactFormModal companyId={companyId} contact={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={toDeactivate !== null}
        title={t('people.deactivate.title', { name: toDeactivate?.name ?? '' })}
        confirmLabel={t('people.list.deactivate')}
        loading={actions.setActive.isPending}
        error={deactivateError}
        onClose={() => setToDeactivate(null)}
        onConfirm={() =>
          toDeactivate &&
          actions.setActive.mutate(
            { id: toDeactivate.id, active: false },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('people.list.deactivated', { name: toDeactivate.name }) });
                setToDeactivate(null);
              },
            },
          )
        }
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
