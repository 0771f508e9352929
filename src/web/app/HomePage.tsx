import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../features/auth/useMe';
import { useChannels } from '../features/catalog/useChannels';
import { usePageTitle } from './usePageTitle';

/** The landing page after sign-in: a greeting and the channels to go to (on a phone the menu is folded away). */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const channels = useChannels();
  usePageTitle(t('nav.home'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('shell.welcome', { name: me?.name ?? '' })}</Title>
      <Text>{t('shell.chooseChannel')}</Text>
      <Group gap="sm">
        {channels.data?.map((channel) => (
          <Button key={channel.key} component={Link} to={`/channels/${channel.key}`} variant="light">
            {channel.name}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
