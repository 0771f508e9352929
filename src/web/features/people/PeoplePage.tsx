import { Badge, Button, Group, Menu, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactView } from '../../../contracts/people';
import { ApiError } from '../../api/client';
import { NotFoundPage } from '../../app/NotFoundPage';
import { DataTable, PersonCell } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/FormModal';
import { ListStates } from '../../ui/ListStates';
import { notifyDone, useNotifyFailure } from '../../ui/notify';
import { FilterBar, Page } from '../../ui/Page';
import { ActiveMenuItem, EditMenuItem, RowMenu, useActiveToggle } from '../../ui/RowActions';
import { SearchField } from '../../ui/SearchField';
import { CompanyLine, companyPages, CompanyTrail, forCompany } from './CompanyContext';
import { ContactFormModal, permissionKeys } from './ContactFormModal';
import { formatCpf } from './format';
import { useContactActions, useContacts, type ContactStatus } from './usePeople';

/** `/companies/:companyId/people` ("Administração de contatos"). */
export const PeoplePage = forCompany(People);

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
    <Page
      above={<CompanyTrail companyId={companyId} />}
      title={t('people.list.title')}
      description={<CompanyLine companyId={companyId}>{t('people.list.intro')}</CompanyLine>}
      actions={
        <>
          <Button component={Link} to={companyPages(companyId).import} variant="default" leftSection={<IconFileImport size={18} aria-hidden />}>
            {t('people.nav.import')}
          </Button>
        </>
      }
      primary={{ label: t('people.list.new'), icon: <IconUserPlus size={18} aria-hidden />, onClick: () => openForm(null) }}
    >
      <FilterBar label={t('people.list.filters')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <SearchField label={t('people.list.search')} placeholder={t('people.list.searchPlaceholder')} value={q} onChange={setQ} style={{ flex: '1 1 280px' }} />
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
      </FilterBar>

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
          rows={contacts}
          label={t('people.list.title')}
          columns={[
            {
              label: t('people.fields.name'),
              cell: (c) => <PersonCell name={c.name} email={c.email} pending={c.pendingEmail && t('people.list.pendingEmail', { email: c.pendingEmail })} />,
            },
            { label: t('people.fields.phone'), cell: (c) => c.phone || '—' },
            {
              label: t('people.fields.cpf'),
              cell: (c) => (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCpf(c.cpf) || '—'}
                </Text>
              ),
            },
            { label: t('people.fields.permissions'), cell: (c) => <Permissions contact={c} /> },
            { label: t('people.fields.status'), cell: (c) => <ContactStatusBadge contact={c} /> },
            {
              label: (
                <Text component="span" size="sm" fw={700}>
                  {t('admin.common.actions')}
                </Text>
              ),
              width: 60,
              cell: (c) => (
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
              ),
            },
          ]}
        />
      </ListStates>

      <ContactFormModal companyId={companyId} contact={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog {...activity.dialog} title={t('people.deactivate.title', { name: activity.toDeactivate?.name ?? '' })} confirmLabel={t('people.list.deactivate')}>
        <Text size="sm">{t('people.deactivate.body')}</Text>
      </ConfirmDialog>
    </Page>
  );
}

/** The rights a contact holds, as badges; the portal administrator's stands out. */
function Permissions({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  const held = permissionKeys.filter((k) => contact[k]);
  return (
    <Group gap={4}>
      {held.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('people.permissions.none')}
        </Text>
      )}
      {held.map((k) => (
        <Badge key={k} variant="light" color={k === 'isPortalAdmin' ? 'grape' : 'blue'} c={k === 'isPortalAdmin' ? 'grape.9' : 'blue.9'} radius="sm" tt="none" fw={600} miw="max-content">
          {t(`people.permissions.short.${k}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Inactive, invited (no password yet) or active. */
export function ContactStatusBadge({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  const [color, key] = !contact.active ? ['gray', 'inactive'] : contact.invitationPending ? ['yellow', 'invited'] : ['teal', 'active'];
  return (
    <Badge variant="dot" color={color} radius="sm" miw="max-content">
      {t(`people.status.${key as 'active'}`)}
    </Badge>
  );
}
