import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** The macros' page in the workspace, loaded on first visit: customers never download it. */
export const macrosRoutes: FeatureRoutes = {
  shell: [{ path: 'workspace/macros', ...lazyPage(async () => (await import('./MacrosPage')).MacrosPage) }],
  public: [],
};
