import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ApiError, isUnauthorized } from '../api/client';
import { i18n } from './i18n';
import { cssVariablesResolver, theme } from './theme';
import { meKey } from '../features/auth/useMe';

// The toasts' frame waits for the page: the first paint does not wait for it, and a toast asked for meanwhile shows when it arrives.
const Notifications = lazy(async () => ({ default: (await import('@mantine/notifications')).Notifications }));

/** A 4xx answer will not change by asking again; a network hiccup or a 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The session ended elsewhere (expired, signed out in another tab): let /api/me decide. */
function onUnauthorized(error: unknown, key?: readonly unknown[]) {
  if (!isUnauthorized(error) || (error as ApiError).code !== 'unauthorized' || key?.[0] === meKey[0]) return;
  void queryClient.invalidateQueries({ queryKey: meKey });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthorized(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/** Theme, data cache, translations and toasts around the whole app. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedMantine>
          <Suspense fallback={null}>
            <Notifications position="top-right" />
          </Suspense>
          {children}
        </LocalizedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** Mantine with the labels it shows itself in the interface's language (a toast's close button has no text). */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: current } = useTranslation();
  const localized = useMemo(
    () => mergeThemeOverrides(theme, { components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('app.closeNotice') } } } } }),
    [t, current.language],
  );
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  );
}
