import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PageLoader } from '../../app/PageLoader';
import { Shell } from '../../app/Shell';
import { useMe, useMeLanguage } from '../auth/useMe';

/** What the public frame tells its pages: no one is signed in. */
export const publicFrame = { signedOut: true } as const;

/**
 * The help pages are reachable before and after sign-in: inside the signed-in shell (menu
 * "Ajuda") for a person with a session, in a light public frame for anyone else.
 */
export function HelpFrame() {
  const { t } = useTranslation();
  const me = useMe();
  useMeLanguage(me.data);
  if (me.data) return <Shell />;
  // Only the first answer is waited for: a later check (a page mounting useMe) keeps the frame.
  if (me.isPending && !me.isFetched) return <PageLoader />;
  return (
    <Box bg="gray.0" mih="100vh">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to="/login" fw={700} fz="xl" c="blue.9" underline="never">
                {t('app.name')}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Button component={Link} to="/login" variant="default" size="xs" leftSection={<IconLogin size={16} aria-hidden />}>
                {t('login.submit')}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="xl" component="main" id="content">
        <Outlet context={publicFrame} />
      </Container>
    </Box>
  );
}
