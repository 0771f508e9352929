import { Alert, Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook, IconChevronRight, IconExternalLink, IconHeadset, IconPhone, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { AdminLookup } from './AdminLookup';
import type { publicFrame } from './HelpFrame';
import { useHelp, type HelpChannel } from './useHelp';

/** `/help` ("Canais de atendimento"): whom to call for what, and the guides. */
export function HelpPage() {
  const { t } = useTranslation();
  const signedOut = useOutletContext<typeof publicFrame | undefined>()?.signedOut ?? false;
  const help = useHelp();
  usePageTitle(t('help.title'));

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('help.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('help.intro')}
        </Text>
      </Stack>
      {help.isPending ? (
        <PageLoader />
      ) : help.isError ? (
        <Alert color="red">{help.error.message}</Alert>
      ) : (
        <>
          <Stack component="section" gap="sm" aria-labelledby="help-channels">
            <Title order={2} size="h3" id="help-channels">
              {t('help.channels')}
            </Title>
            {help.data.channels.length === 0 ? (
              <Text c="dimmed">{t('help.noChannels')}</Text>
            ) : (
              <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} p={0} m={0} style={{ listStyle: 'none' }}>
                {help.data.channels.map((c) => (
                  <ChannelCard key={c.id} channel={c} />
                ))}
              </SimpleGrid>
            )}
          </Stack>

          {signedOut && (
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="help-admin">
              <Group gap="md" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
                  <IconUserQuestion size={22} />
                </ThemeIcon>
                <Stack gap={4}>
                  <Title order={2} size="h4" id="help-admin">
                    {t('help.adminTitle')}
                  </Title>
                  <Text size="sm">{t('help.adminIntro')}</Text>
                  <div>
                    <AdminLookup label={t('help.adminAction')} />
                  </div>
                </Stack>
              </Group>
            </Paper>
          )}

          {help.data.articles.length > 0 && (
            <Stack component="section" gap="sm" aria-labelledby="help-articles">
              <Title order={2} size="h3" id="help-articles">
                {t('help.articles')}
              </Title>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {help.data.articles.map((a) => (
                  <Paper component="li" key={a.slug} withBorder radius="md">
                    <Anchor component={Link} to={`/help/articles/${a.slug}`} underline="never" display="block" p="md">
                      <Group justify="space-between" wrap="nowrap">
                        <Group gap="sm" wrap="nowrap">
                          <IconBook size={20} aria-hidden />
                          <Text fw={600}>{a.title}</Text>
                        </Group>
                        <IconChevronRight size={18} aria-hidden />
                      </Group>
                    </Anchor>
                  </Paper>
                ))}
              </Stack>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

/** A help channel: what it is for and how to reach it ("4003 0015, opção 5"). */
function ChannelCard({ channel }: { channel: HelpChannel }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
            <IconHeadset size={22} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={3} size="h5">
              {channel.name}
            </Title>
            {channel.description && <Text size="sm">{channel.description}</Text>}
          </Stack>
        </Group>
        <Group gap="sm" mt="auto" pl={52}>
          {channel.phone && (
            <Anchor href={`tel:${channel.phone.replace(/[^\d+]/g, '')}`} fw={700} fz="lg" aria-label={channel.option ? t('help.callOption', { phone: channel.phone, option: channel.option }) : t('help.call', { phone: channel.phone })}>
              <Group gap={6} wrap="nowrap" component="span">
                <IconPhone size={18} aria-hidden />
                {channel.phone}
              </Group>
            </Anchor>
          )}
          {channel.option && (
            <Badge variant="light" size="lg" radius="sm" tt="none" aria-hidden>
              {t('help.option', { option: channel.option })}
            </Badge>
          )}
          {channel.url && (
            <Anchor href={channel.url} target="_blank" rel="noreferrer">
              <Group gap={4} wrap="nowrap" component="span">
                {t('help.openSite')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
