import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** A saved view's page in the workspace. */
export const viewsRoutes: FeatureRoutes = {
  shell: [{ path: 'workspace/views/:id', ...lazyPage(async () => (await import('./SavedViewPage')).SavedViewPage) }],
  public: [],
};
