import type { NotificationData } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './forms';

/** Shows a toast. The toasts' code is fetched when the first one shows: a page's first download does not carry it. */
function show(notification: NotificationData) {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(notification));
}

/** Tells of a change that went through, as a green toast. */
export function notifyDone(message: string, icon?: ReactNode) {
  show({ color: 'teal', icon, message });
}

/** Tells of a request made outside a form that failed, as a red toast in the interface language. */
export function useNotifyFailure() {
  const { t } = useTranslation();
  return (error: unknown) => show({ color: 'red', message: errorText(error, t('errors.internal')) });
}
