import type { FeatureRoutes } from '../../app/nav';
import { SavedViewPage } from './SavedViewPage';

/** A saved view's page in the workspace. */
export const viewsRoutes: FeatureRoutes = {
  shell: [{ path: 'workspace/views/:id', element: <SavedViewPage /> }],
  public: [],
};
