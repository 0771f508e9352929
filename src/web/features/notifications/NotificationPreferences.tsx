import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationKinds, type NotificationPreferences } from '../../../contracts/live';
import { notifyDone } from '../../ui/notify';
import { useNotificationPreferences, useSavePreferences } from './useNotifications';

/** Which notifications also come by mail: one switch per kind. */
export function NotificationPreferencesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useNotificationPreferences(opened);
  const save = useSavePreferences();
  const [mail, setMail] = useState<NotificationPreferences['mail'] | undefined>();
  useEffect(() => {
    if (opened && query.data) setMail(query.data.mail);
  }, [opened, query.data]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('live.notifications.preferences')}>
      <Stack gap="sm">
        <Text size="sm">{t('live.notifications.preferencesIntro')}</Text>
        {mail &&
          notificationKinds.map((kind) => (
            <Switch key={kind} label={t(`live.notifications.byMail.${kind}`)} checked={mail[kind]} onChange={(e) => setMail({ ...mail, [kind]: e.currentTarget.checked })} />
          ))}
        {save.error && (
          <Text size="sm" c="red.8" role="alert">
            {save.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!mail}
            onClick={() =>
              mail &&
              save.mutate(
                { mail },
                {
                  onSuccess: () => {
                    notifyDone(t('live.notifications.preferencesSaved'));
                    onClose();
                  },
                },
              )
            }
          >
            {t('admin.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
