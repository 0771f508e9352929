import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/**
 * The system administration, `/admin/…`: each page lives in the feature it edits (its server side
 * is that feature's *.admin.routes.ts); this list mounts them behind the administrators' layout.
 */
export const adminRoutes: FeatureRoutes = {
  shell: [
    {
      path: 'admin',
      ...lazyPage(async () => (await import('./AdminLayout')).AdminLayout),
      children: [
        { path: 'companies', ...lazyPage(async () => (await import('../companies/CompaniesAdminPage')).CompaniesAdminPage) },
        { path: 'catalog', ...lazyPage(async () => (await import('../catalog/CatalogAdminPage')).CatalogAdminPage) },
        { path: 'criticality', ...lazyPage(async () => (await import('../catalog/CriticalityAdminPage')).CriticalityAdminPage) },
        { path: 'sla/policies', ...lazyPage(async () => (await import('../sla/PoliciesAdminPage')).PoliciesAdminPage) },
        { path: 'sla/calendars', ...lazyPage(async () => (await import('../sla/CalendarsAdminPage')).CalendarsAdminPage) },
        { path: 'agents', ...lazyPage(async () => (await import('../groups/AgentsAdminPage')).AgentsAdminPage) },
        { path: 'groups', ...lazyPage(async () => (await import('../groups/GroupsAdminPage')).GroupsAdminPage) },
        { path: 'help-channels', ...lazyPage(async () => (await import('../help/HelpChannelsAdminPage')).HelpChannelsAdminPage) },
        { path: 'close-reasons', ...lazyPage(async () => (await import('../closing/CloseReasonsAdminPage')).CloseReasonsAdminPage) },
        { path: 'mail', ...lazyPage(async () => (await import('../mail/MailAdminPage')).MailAdminPage) },
        { path: 'audit', ...lazyPage(async () => (await import('../audit/AuditPage')).AuditPage) },
      ],
    },
  ],
  public: [],
};
