import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { usePageTitle } from '../../app/usePageTitle';

/** The frame of the pages before sign-in: brand and language on top, one card with the page's form. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Box bg="gray.0" mih="100vh" py="xl">
      <Container size={440}>
        <Group component="header" justify="space-between" align="center" mb="lg">
          <div>
            <Text fw={700} fz="xl" c="blue.9">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Stack component="main" gap="md">
          <Paper withBorder shadow="sm" p="xl">
            <Title order={1} size="h2" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
          {footer}
        </Stack>
      </Container>
    </Box>
  );
}
