import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ViewerView } from '../../../contracts/live';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** Who else is on the ticket's page, and who of them is writing a reply ("Ana está respondendo…"). */
export function PresenceBar({ viewers }: { viewers: (ViewerView & { typing: boolean })[] }) {
  const { t } = useTranslation();
  const typing = viewers.filter((v) => v.typing);
  return (
    <Group gap="sm" aria-live="polite" data-testid="presence">
      {viewers.length > 0 && (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('live.presence.alsoHere')}
          </Text>
          <Avatar.Group spacing="xs">
            {viewers.map((v) => (
              <Tooltip key={v.id} label={v.side === 'customer' ? t('live.presence.customer', { name: v.name }) : v.name}>
                <Avatar size="sm" radius="xl" variant="filled" color={v.side === 'customer' ? 'grape.8' : 'blue.8'} aria-label={v.name}>
                  {initials(v.name)}
                </Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
          <Text size="sm">{viewers.map((v) => v.name).join(', ')}</Text>
        </Group>
      )}
      {typing.map((v) => (
        <Group key={v.id} gap={4} wrap="nowrap">
          <IconPencil size={14} aria-hidden />
          <Text size="sm" fs="italic">
            {t('live.presence.typing', { name: v.name.split(/\s+/)[0] })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
