import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** The help pages, before and after sign-in (HelpFrame picks the frame). */
export const helpRoutes: FeatureRoutes = {
  shell: [],
  public: [
    {
      path: '/help',
      ...lazyPage(async () => (await import('./HelpFrame')).HelpFrame),
      children: [
        { index: true, ...lazyPage(async () => (await import('./HelpPage')).HelpPage) },
        { path: 'articles/:slug', ...lazyPage(async () => (await import('./HelpArticlePage')).HelpArticlePage) },
      ],
    },
  ],
};
