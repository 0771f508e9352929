import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConflictError } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { useTranslate } from '../../app/useTranslate';
import { changeText } from './ticketEvents';

/** "O chamado foi alterado por outra pessoa": what changed while the person was writing; the draft stays. */
export function ChangedNotice({ changes, onAcknowledge }: { changes: string[]; onAcknowledge: () => void }) {
  const { t } = useTranslation();
  if (!changes.length) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('conversation.changed.title')} role="status">
      <Text size="sm" mb={4}>
        {t('conversation.changed.body')}
      </Text>
      <List size="sm" spacing={2} mb="xs">
        {changes.map((line, i) => (
          <List.Item key={`${i}-${line}`}>{line}</List.Item>
        ))}
      </List>
      <Button size="compact-sm" variant="default" onClick={onAcknowledge}>
        {t('conversation.changed.dismiss')}
      </Button>
    </Alert>
  );
}

/**
 * A stale edit refused with 409: who changed what (from → to), and a way to take the current
 * ticket and apply the same change again. Nothing the agent chose is lost.
 */
export function ConflictAlert({ conflict, onReapply, onDiscard, reapplying }: { conflict: ConflictError; onReapply?: () => void; onDiscard: () => void; reapplying?: boolean }) {
  const { t, i18n } = useTranslation();
  const translate = useTranslate();
  const exists = (key: string) => i18n.exists(key);
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('conversation.conflict.title')} role="alert">
      <Text size="sm" mb={4}>
        {conflict.changed.length ? t('conversation.conflict.body') : conflict.message}
      </Text>
      {conflict.changed.length > 0 && (
        <List size="sm" spacing={2} mb="xs">
          {conflict.changed.map((change, i) => (
            <List.Item key={`${i}-${change.at}`}>
              {changeText(change, translate, exists)}{' '}
              <Text span size="xs" c="dimmed">
                ({formatDateTime(change.at)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="xs">
        {onReapply && conflict.changed.length > 0 && (
          <Button size="compact-sm" leftSection={<IconRefresh size={14} aria-hidden />} loading={reapplying} onClick={onReapply}>
            {t('conversation.conflict.reapply')}
          </Button>
        )}
        <Button size="compact-sm" variant="default" onClick={onDiscard}>
          {t('conversation.conflict.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
