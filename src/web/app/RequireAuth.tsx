import { Alert, Button, Container, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isUnauthorized } from '../api/client';
import { useMe, useMeLanguage } from '../features/auth/useMe';
import { PageLoader } from './PageLoader';

/** Renders its children for a signed-in person; anyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  useMeLanguage(me.data);

  // Checked before the data: a session that ends keeps the last answer cached beside the 401.
  if (isUnauthorized(me.error)) {
    const wanted = location.pathname + location.search + location.hash;
    const to = wanted === '/' ? '/login' : `/login?next=${encodeURIComponent(wanted)}`;
    return <Navigate to={to} replace />;
  }
  if (me.data) return children;
  if (me.isPending) return <PageLoader />;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Alert color="red">{me.error?.message ?? t('errors.internal')}</Alert>
        <Button onClick={() => void me.refetch()} w="fit-content">
          {t('app.retry')}
        </Button>
      </Stack>
    </Container>
  );
}

/** The page to return to after sign-in: only a path of this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
