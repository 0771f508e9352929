import { ActionIcon, Anchor, AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconLogout, IconMail, IconTicket } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { MeView } from '../../contracts/auth';
import { api } from '../api/client';
import { adminNav } from '../features/admin/nav';
import { useMe } from '../features/auth/useMe';
import { useChannels } from '../features/catalog/useChannels';
import { helpNav } from '../features/help/nav';
import { LiveProvider } from '../features/live/LiveProvider';
import { InvitationsBanner } from '../features/people/InvitationsBanner';
import { mySpaceNav } from '../features/people/nav';
import { useWide } from '../ui/useWide';
import { LanguageSwitch } from './LanguageSwitch';
import { NavSections } from './NavSections';
import classes from './Shell.module.css';

// What only staff use is downloaded for staff only: a customer's first page never waits for it.
const AvailabilityToggle = lazy(async () => ({ default: (await import('../features/assignment/AvailabilityToggle')).AvailabilityToggle }));
const NotificationBell = lazy(async () => ({ default: (await import('../features/notifications/NotificationBell')).NotificationBell }));
const StaffNav = lazy(async () => ({ default: (await import('./StaffNav')).StaffNav }));

/** What the header says under the person's name: staff see their role, customers their company. */
function affiliation(me: MeView, t: (key: 'roles.admin' | 'roles.agent') => string): string {
  if (me.staffRole) return t(`roles.${me.staffRole}`);
  return me.memberships[0]?.companyName ?? '';
}

/** The signed-in frame: header with the person and language, channels on the left, the page in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const channels = useChannels();
  const [opened, { toggle, close }] = useDisclosure();
  // Phones get the language switch in the menu and an icon for sign-out; one of each is ever rendered.
  const wide = useWide('sm');
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSettled: async () => {
      // Leave first, so nothing still on screen asks the server again for what was just cleared.
      await navigate('/login', { replace: true, flushSync: true });
      queryClient.clear();
    },
  });

  // Signing out clears the cache while this frame is still on screen for a moment.
  if (!me) return null;

  // A page below a menu entry (a channel's ticket form, one ticket) keeps that entry highlighted;
  // staff reach a ticket from their workspace, not from "Meus chamados".
  const below = (to: string) => to !== '/' && pathname.startsWith(`${to}/`) && !(to === '/tickets' && me.staffRole);
  const link = (to: string, label: string, icon?: ReactNode) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={pathname === to || below(to)}
      aria-current={pathname === to ? 'page' : undefined}
      onClick={close}
    />
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#content" className={classes.skip}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            {me.staffRole && (
              <Suspense fallback={null}>
                {wide && <AvailabilityToggle />}
                <NotificationBell />
              </Suspense>
            )}
            {wide && (
              <Stack gap={0} align="flex-end">
                <Text size="sm" fw={600}>
                  {me.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {affiliation(me, t)}
                </Text>
              </Stack>
            )}
            {wide && <LanguageSwitch />}
            {wide ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLogout size={16} aria-hidden />}
                loading={logout.isPending}
                onClick={() => logout.mutate()}
              >
                {t('nav.logout')}
              </Button>
            ) : (
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('nav.logout')}
                loading={logout.isPending}
                onClick={() => logout.mutate()}
              >
                <IconLogout size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {/* A collapsed menu on phones is only slid off screen: inert keeps focus and readers out of it. */}
      <AppShell.Navbar p="sm" aria-label={t('nav.channels')} inert={!wide && !opened}>
        {!wide && (
          <AppShell.Section mb="sm" px="sm">
            <Text size="sm" fw={600}>
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {affiliation(me, t)}
            </Text>
            {me.staffRole && (
              <Suspense fallback={null}>
                <AvailabilityToggle />
              </Suspense>
            )}
            <LanguageSwitch />
          </AppShell.Section>
        )}
        {/* The scrollbar shows whenever the menu is longer than the window (the administrator's is). */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          {link('/', t('nav.home'), <IconHome size={18} aria-hidden />)}
          {link('/tickets', t('nav.myTickets'), <IconTicket size={18} aria-hidden />)}
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mt="md" mb={4}>
            {t('nav.channels')}
          </Text>
          {channels.data?.map((channel) => link(`/channels/${channel.key}`, channel.name))}
          {me.staffRole && (
            <Suspense fallback={null}>
              <StaffNav me={me} link={link} />
            </Suspense>
          )}
          <NavSections sections={[...mySpaceNav(me, t), ...adminNav(me, t), ...helpNav(t)]} link={link} />
        </AppShell.Section>
        {me.devMailbox && <AppShell.Section>{link('/dev/mailbox', t('nav.mailbox'), <IconMail size={18} aria-hidden />)}</AppShell.Section>}
      </AppShell.Navbar>

      <AppShell.Main id="content" tabIndex={-1}>
        <InvitationsBanner />
        {/* One event stream per tab while signed in: the pages below stay fresh through it. */}
        <LiveProvider>
          <Outlet />
        </LiveProvider>
      </AppShell.Main>
    </AppShell>
  );
}
