import { Navigate } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** The agent workspace's pages: `/workspace` opens the default view. Loaded on first visit: customers never download them. */
export const workspaceRoutes: FeatureRoutes = {
  shell: [
    {
      path: 'workspace',
      ...lazyPage(async () => {
        const { defaultView, viewPath } = await import('./useWorkspace');
        return () => <Navigate to={viewPath(defaultView)} replace />;
      }),
    },
    { path: 'workspace/:view', ...lazyPage(async () => (await import('./WorkspacePage')).WorkspacePage) },
  ],
  public: [],
};
