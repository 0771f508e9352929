import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../features/auth/useMe';
import { useChannels } from '../features/catalog/useChannels';
import { defaultView, viewPath } from '../features/workspace/useWorkspace';
import { usePageTitle } from './usePageTitle';

/** The landing page after sign-in: staff work from their workspace; customers get the channels. */
export function HomePage() {
  const me = useMe().data;
  if (me?.staffRole) return <Navigate to={viewPath(defaultView)} replace />;
  return <CustomerHome name={me?.name ?? ''} />;
}

/** A greeting and the channels to go to (on a phone the menu is folded away). */
function CustomerHome({ name }: { name: string }) {
  const { t } = useTranslation();
  const channels = useChannels();
  usePageTitle(t('nav.home'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('shell.welcome', { name })}</Title>
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
