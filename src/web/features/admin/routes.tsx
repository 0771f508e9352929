import { IconBuilding, IconFileImport, IconHeadset, IconHelpCircle, IconHistory, IconLifebuoy, IconMail, IconPackage, IconSitemap, IconTable, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, type RouteObject } from 'react-router';
import type { MeView } from '../../../contracts/auth';
import type { FeatureRoutes, NavSection } from '../../app/nav';
import { useMe } from '../auth/useMe';
import { PageLoader } from '../../app/PageLoader';
import { HelpFrame } from '../help/HelpFrame';
import { companyPages } from '../people/CompanyContext';
import { PageHeader } from '../../ui/Page';

/** A page loaded on first visit: customers never download the administration's code. */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy' | 'HydrateFallback'> {
  return { lazy: async () => ({ Component: await load() }), HydrateFallback: PageLoader };
}

/** The system administration is for system administrators; the server answers 403 to anyone else too. */
function SystemAdminOnly() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me?.staffRole !== 'admin') return <PageHeader title={t('errors.forbidden')} />;
  return <Outlet />;
}

/** Administration pages: "Meu espaço" for portal administrators, the system administration, help. */
export const adminRoutes: FeatureRoutes = {
  shell: [
    { path: 'companies/:companyId/people', ...page(async () => (await import('../people/PeoplePage')).PeoplePage) },
    { path: 'companies/:companyId/import', ...page(async () => (await import('../people/ImportPage')).ImportPage) },
    { path: 'companies/:companyId/products', ...page(async () => (await import('../people/ProductsPage')).ProductsPage) },
    { path: 'companies/:companyId/log', ...page(async () => (await import('../people/CompanyLogPage')).CompanyLogPage) },
    { path: 'invitations', ...page(async () => (await import('../people/InvitationsPage')).InvitationsPage) },
    {
      path: 'admin',
      element: <SystemAdminOnly />,
      children: [
        { path: 'companies', ...page(async () => (await import('./CompaniesPage')).CompaniesPage) },
        { path: 'catalog', ...page(async () => (await import('./CatalogPage')).CatalogPage) },
        { path: 'criticality', ...page(async () => (await import('./CriticalityPage')).CriticalityPage) },
        { path: 'agents', ...page(async () => (await import('./AgentsPage')).AgentsPage) },
        { path: 'groups', ...page(async () => (await import('./GroupsPage')).GroupsPage) },
        { path: 'help-channels', ...page(async () => (await import('./HelpChannelsPage')).HelpChannelsPage) },
        { path: 'mail', ...page(async () => (await import('./MailPage')).MailPage) },
        { path: 'audit', ...page(async () => (await import('./AuditPage')).AuditPage) },
      ],
    },
  ],
  public: [
    {
      path: '/help',
      element: <HelpFrame />,
      children: [
        { index: true, ...page(async () => (await import('../help/HelpPage')).HelpPage) },
        { path: 'articles/:slug', ...page(async () => (await import('../help/HelpArticlePage')).HelpArticlePage) },
      ],
    },
    { path: '/confirm-email', ...page(async () => (await import('../auth/ConfirmEmailPage')).ConfirmEmailPage) },
    { path: '/undo-email', ...page(async () => (await import('../auth/UndoEmailPage')).UndoEmailPage) },
  ],
};

/** Administration menu entries, by role: "Meu espaço" per administered company, "Administração", "Ajuda". */
export function adminNav(me: MeView, t: TFunction): NavSection[] {
  const sections: NavSection[] = [];
  const administered = me.memberships.filter((m) => m.isPortalAdmin);
  for (const m of administered) {
    const pages = companyPages(m.companyId);
    sections.push({
      // One company: "Meu espaço"; a group of companies: one section each, named after it.
      title: administered.length > 1 ? t('admin.nav.mySpaceOf', { company: m.companyName }) : t('admin.nav.mySpace'),
      items: [
        { to: pages.people, label: t('people.nav.people'), icon: <IconUsers size={18} aria-hidden /> },
        { to: pages.import, label: t('people.nav.import'), icon: <IconFileImport size={18} aria-hidden /> },
        { to: pages.products, label: t('people.nav.products'), icon: <IconPackage size={18} aria-hidden /> },
        { to: pages.log, label: t('people.nav.log'), icon: <IconHistory size={18} aria-hidden /> },
      ],
    });
  }
  if (me.staffRole === 'admin') {
    sections.push({
      title: t('admin.nav.administration'),
      items: [
        { to: '/admin/companies', label: t('admin.nav.companies'), icon: <IconBuilding size={18} aria-hidden /> },
        { to: '/admin/catalog', label: t('admin.nav.catalog'), icon: <IconSitemap size={18} aria-hidden /> },
        { to: '/admin/criticality', label: t('admin.nav.criticality'), icon: <IconTable size={18} aria-hidden /> },
        { to: '/admin/agents', label: t('admin.nav.agents'), icon: <IconHeadset size={18} aria-hidden /> },
        { to: '/admin/groups', label: t('admin.nav.groups'), icon: <IconUsersGroup size={18} aria-hidden /> },
        { to: '/admin/help-channels', label: t('admin.nav.helpChannels'), icon: <IconLifebuoy size={18} aria-hidden /> },
        { to: '/admin/mail', label: t('admin.nav.mail'), icon: <IconMail size={18} aria-hidden /> },
        { to: '/admin/audit', label: t('admin.nav.audit'), icon: <IconHistory size={18} aria-hidden /> },
      ],
    });
  }
  sections.push({ title: t('help.nav.section'), items: [{ to: '/help', label: t('help.title'), icon: <IconHelpCircle size={18} aria-hidden /> }] });
  return sections;
}
