import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './forms';

/** Tells of a change that went through, as a green toast. */
export function notifyDone(message: string, icon?: ReactNode) {
  notifications.show({ color: 'teal', icon, message });
}

/** Tells of a request made outside a form that failed, as a red toast in the interface language. */
export function useNotifyFailure() {
  const { t } = useTranslation();
  return (error: unknown) => notifications.show({ color: 'red', message: errorText(error, t('errors.internal')) });
}
