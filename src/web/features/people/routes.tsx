import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** "Meu espaço", a company's own administration (its portal administrators, and system administrators), and the invitations a person received. */
export const peopleRoutes: FeatureRoutes = {
  shell: [
    { path: 'companies/:companyId/people', ...lazyPage(async () => (await import('./PeoplePage')).PeoplePage) },
    { path: 'companies/:companyId/import', ...lazyPage(async () => (await import('./ImportPage')).ImportPage) },
    { path: 'companies/:companyId/products', ...lazyPage(async () => (await import('./ProductsPage')).ProductsPage) },
    { path: 'companies/:companyId/log', ...lazyPage(async () => (await import('./CompanyLogPage')).CompanyLogPage) },
    { path: 'invitations', ...lazyPage(async () => (await import('./InvitationsPage')).InvitationsPage) },
  ],
  public: [],
};
