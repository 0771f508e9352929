import { IconBuilding, IconCalendarTime, IconCircleCheck, IconClockHour4, IconHeadset, IconHistory, IconLifebuoy, IconMail, IconSitemap, IconTable, IconUsersGroup } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { NavSection } from '../../app/nav';

/** The "Administração" menu section, for system administrators only. */
export function adminNav(me: MeView, t: TFunction): NavSection[] {
  if (me.staffRole !== 'admin') return [];
  return [
    {
      title: t('admin.nav.administration'),
      items: [
        { to: '/admin/companies', label: t('admin.nav.companies'), icon: <IconBuilding size={18} aria-hidden /> },
        { to: '/admin/catalog', label: t('admin.nav.catalog'), icon: <IconSitemap size={18} aria-hidden /> },
        { to: '/admin/criticality', label: t('admin.nav.criticality'), icon: <IconTable size={18} aria-hidden /> },
        { to: '/admin/sla/policies', label: t('slaAdmin.nav.policies'), icon: <IconClockHour4 size={18} aria-hidden /> },
        { to: '/admin/sla/calendars', label: t('slaAdmin.nav.calendars'), icon: <IconCalendarTime size={18} aria-hidden /> },
        { to: '/admin/agents', label: t('admin.nav.agents'), icon: <IconHeadset size={18} aria-hidden /> },
        { to: '/admin/groups', label: t('admin.nav.groups'), icon: <IconUsersGroup size={18} aria-hidden /> },
        { to: '/admin/help-channels', label: t('admin.nav.helpChannels'), icon: <IconLifebuoy size={18} aria-hidden /> },
        { to: '/admin/close-reasons', label: t('closing.admin.nav'), icon: <IconCircleCheck size={18} aria-hidden /> },
        { to: '/admin/mail', label: t('admin.nav.mail'), icon: <IconMail size={18} aria-hidden /> },
        { to: '/admin/audit', label: t('admin.nav.audit'), icon: <IconHistory size={18} aria-hidden /> },
      ],
    },
  ];
}
