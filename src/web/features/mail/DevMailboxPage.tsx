import { Alert, Anchor, Badge, Box, Button, Code, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';

type Mail = {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: string;
};

const statusColor = { pending: 'yellow', sent: 'teal', failed: 'red' } as const;

/** Demo mode: the mails the server would have sent, so reset and invitation links work without SMTP. */
export function DevMailboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('mailbox.title'));
  const mails = useQuery({
    queryKey: ['devMailbox'],
    queryFn: () => api.get<{ mails: Mail[] }>('/api/dev/mailbox').then((body) => body.mails),
    staleTime: 0,
  });
  const unavailable = mails.error instanceof ApiError && mails.error.status === 404;
  const date = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <Box bg="gray.0" mih="100vh">
      <Container size="md" py="xl">
        <Group component="header" justify="space-between" mb="lg">
          <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.9" underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
        <Box component="main">
          <Stack gap="md">
            <Group justify="space-between" align="flex-end">
              <div>
                <Title order={1}>{t('mailbox.title')}</Title>
                <Text c="dimmed" size="sm">
                  {t('mailbox.intro')}
                </Text>
              </div>
              {!unavailable && (
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  loading={mails.isRefetching}
                  onClick={() => void mails.refetch()}
                >
                  {t('mailbox.refresh')}
                </Button>
              )}
            </Group>
            {mails.isPending && <PageLoader />}
            {unavailable && <Alert color="gray">{t('mailbox.unavailable')}</Alert>}
            {mails.isError && !unavailable && <Alert color="red">{mails.error.message}</Alert>}
            {mails.data?.length === 0 && <Text>{t('mailbox.empty')}</Text>}
            {mails.data?.map((mail) => (
              <Paper key={mail.id} component="article" withBorder p="lg" aria-labelledby={`mail-${mail.id}`}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                  <Title order={2} size="h4" id={`mail-${mail.id}`}>
                    {mail.subject}
                  </Title>
                  <Badge color={statusColor[mail.status]} variant="dot" style={{ flexShrink: 0 }}>
                    {t(`mailbox.statuses.${mail.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  <Text span fw={600}>
                    {t('mailbox.to')}:
                  </Text>{' '}
                  {mail.to}
                </Text>
                <Text size="sm" mb="sm">
                  <Text span fw={600}>
                    {t('mailbox.createdAt')}:
                  </Text>{' '}
                  <time dateTime={mail.createdAt}>{date.format(new Date(mail.createdAt))}</time>
                </Text>
                {/* The text part only: the HTML part is never injected into this page. */}
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {mail.text}
                </Code>
              </Paper>
            ))}
          </Stack>
        </Box>
      </Container>
    </Box>
  );
}
