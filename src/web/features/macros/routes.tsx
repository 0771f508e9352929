import type { FeatureRoutes } from '../../app/nav';
import { MacrosPage } from './MacrosPage';

/** The macros' page in the workspace. */
export const macrosRoutes: FeatureRoutes = {
  shell: [{ path: 'workspace/macros', element: <MacrosPage /> }],
  public: [],
};
