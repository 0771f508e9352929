import { IconFileImport, IconHistory, IconPackage, IconUsers } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { NavSection } from '../../app/nav';
import { companyPages } from './CompanyContext';

/** "Meu espaço" for a portal administrator: one section for their company, or one per company of a group. */
export function mySpaceNav(me: MeView, t: TFunction): NavSection[] {
  const administered = me.memberships.filter((m) => m.isPortalAdmin);
  return administered.map((m) => {
    const pages = companyPages(m.companyId);
    return {
      title: administered.length > 1 ? t('admin.nav.mySpaceOf', { company: m.companyName }) : t('admin.nav.mySpace'),
      items: [
        { to: pages.people, label: t('people.nav.people'), icon: <IconUsers size={18} aria-hidden /> },
        { to: pages.import, label: t('people.nav.import'), icon: <IconFileImport size={18} aria-hidden /> },
        { to: pages.products, label: t('people.nav.products'), icon: <IconPackage size={18} aria-hidden /> },
        { to: pages.log, label: t('people.nav.log'), icon: <IconHistory size={18} aria-hidden /> },
      ],
    };
  });
}
