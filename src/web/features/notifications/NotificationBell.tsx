import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../contracts/live';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { NotificationPreferencesModal } from './NotificationPreferences';
import classes from './NotificationBell.module.css';
import { useMarkRead, useNotifications } from './useNotifications';

/** The bell of the header (staff): the unread count, the latest notifications, marking them read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure();
  const [settings, { open: openSettings, close: closeSettings }] = useDisclosure();
  const query = useNotifications(true);
  const markRead = useMarkRead();
  const unread = query.data?.unread ?? 0;
  const list = query.data?.notifications ?? [];

  const text = (n: NotificationView) =>
    t(`live.notifications.kinds.${n.kind}`, { name: n.actor?.name ?? t('live.notifications.atende'), number: n.ticket.number });
  const go = (n: NotificationView) => {
    close();
    if (!n.read) markRead.mutate({ ids: [n.id] });
    void navigate(`/tickets/${n.ticket.number}`);
  };

  return (
    <>
      <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={360} shadow="md" withinPortal>
        <Indicator label={unread} size={18} disabled={unread === 0} color="red" offset={4}>
          <Popover.Target>
            <ActionIcon variant="default" size="lg" onClick={toggle} aria-label={unread ? t('live.notifications.bellUnread', { count: unread }) : t('live.notifications.bell')}>
              <IconBell size={18} aria-hidden />
            </ActionIcon>
          </Popover.Target>
        </Indicator>
        <Popover.Dropdown p="xs" aria-label={t('live.notifications.title')} role="dialog">
          <Group justify="space-between" mb="xs" px={4}>
            <Text fw={600}>{t('live.notifications.title')}</Text>
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
                {t('live.notifications.markAll')}
              </Button>
              <ActionIcon
                size="sm"
                variant="subtle"
                aria-label={t('live.notifications.preferences')}
                onClick={() => {
                  close();
                  openSettings();
                }}
              >
                <IconSettings size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
          {list.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('live.notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420} type="auto">
              <Stack gap={2} component="ul" className={classes.list}>
                {list.map((n) => (
                  <li key={n.id}>
                    <UnstyledButton className={classes.item} data-unread={!n.read || undefined} onClick={() => go(n)}>
                      <Text size="sm" fw={n.read ? 400 : 600}>
                        {text(n)}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {n.ticket.summary}
                      </Text>
                      <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
                        {formatDateTime(n.createdAt, currentLanguage())}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
      <NotificationPreferencesModal opened={settings} onClose={closeSettings} />
    </>
  );
}
