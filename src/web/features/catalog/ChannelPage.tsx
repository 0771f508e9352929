import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { useMe } from '../auth/useMe';
import { TicketList } from '../tickets/TicketList';
import { useChannels } from './useChannels';

/** One channel of the left menu: its service lines, each opening a ticket form, and its tickets. */
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
    <Stack gap="xl">
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
              <Card component="li" key={line.id} withBorder padding="lg" radius="md">
                <Stack gap="md" h="100%" justify="space-between">
                  <Group gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
                      <IconLifebuoy size={22} />
                    </ThemeIcon>
                    <Text fw={600} size="lg">
                      {line.name}
                    </Text>
                  </Group>
                  <Button
                    component={Link}
                    to={`/channels/${channel.key}/lines/${line.id}/new`}
                    variant="light"
                    fullWidth
                    leftSection={<IconPlus size={16} aria-hidden />}
                    aria-label={t('channel.openTicketOn', { line: line.name })}
                  >
                    {t('channel.openTicket')}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <Stack component="section" gap="sm" aria-labelledby="channel-tickets">
        <Title order={2} size="h3" id="channel-tickets">
          {t('channel.tickets')}
        </Title>
        <TicketList
          channel={channel.key}
          lines={channel.serviceLines.map((l) => ({ value: String(l.id), label: l.name }))}
          headingId="channel-tickets"
        />
      </Stack>
    </Stack>
  );
}
