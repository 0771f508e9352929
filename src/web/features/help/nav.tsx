import { IconHelpCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { NavSection } from '../../app/nav';

/** The "Ajuda" menu section, for everyone signed in. */
export function helpNav(t: TFunction): NavSection[] {
  return [{ title: t('help.nav.section'), items: [{ to: '/help', label: t('help.title'), icon: <IconHelpCircle size={18} aria-hidden /> }] }];
}
