import { IconBolt } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { NavItem } from '../../app/nav';

/** Where the macros are managed. */
export const macrosPath = '/workspace/macros';

/** The workspace menu's entry for the macros. */
export function macrosNavItem(t: TFunction): NavItem {
  return { to: macrosPath, label: t('macros.title'), icon: <IconBolt size={18} aria-hidden /> };
}
