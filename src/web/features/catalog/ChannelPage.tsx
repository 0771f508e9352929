import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { useMe } from '../auth/useMe';
import { useChannels } from './useChannels';

/** One channel of the left menu and the service lines the person may open tickets for. */
export function ChannelPage() {
  const { t } = useTranslation();
  const { key } = useParams();
  const me = useMe().data;
  const channels = useChannels();
  const channel = channels.data?.find((c) => c.key === key);
  usePageTitle(channel?.name ?? (channels.data ? t('channel.notFound') : undefined));

  if (channels.isPending) return <PageLoader />;
  if (channels.isError) return <Alert color="red">{channels.error.message}</Alert>;
  if (!channel) return <Title order={1}>{t('channel.notFound')}</Title>;

  return (
    <Stack gap="lg">
      <Title order={1}>{channel.name}</Title>
      <Stack component="section" gap="sm" aria-labelledby="service-lines">
        <Title order={2} size="h3" id="service-lines">
          {t('channel.serviceLines')}
        </Title>
        {me?.staffRole && (
          <Text size="sm" c="dimmed">
            {t('channel.staffAllLines')}
          </Text>
        )}
        {channel.serviceLines.length === 0 ? (
          <Text>{t('channel.noLines')}</Text>
        ) : (
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} p={0} m={0} style={{ listStyle: 'none' }}>
            {channel.serviceLines.map((line) => (
              <Card component="li" key={line.id} withBorder padding="lg">
                <Text fw={600}>{line.name}</Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
