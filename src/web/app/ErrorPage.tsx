import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

/** Shown instead of a blank screen when a page throws while rendering. */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.internal'));
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="sm">
        <Title order={1}>{t('errors.internal')}</Title>
        <Text>
          {/* A full page load: the broken state in memory is thrown away. */}
          <Anchor href="/">{t('nav.home')}</Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
