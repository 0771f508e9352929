import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/useMe';
import { usePageTitle } from './usePageTitle';

/** The landing page after sign-in: a greeting and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('nav.home'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('shell.welcome', { name: me?.name ?? '' })}</Title>
      <Text>{t('shell.chooseChannel')}</Text>
    </Stack>
  );
}
