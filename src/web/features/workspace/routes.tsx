import { Navigate } from 'react-router';
import type { FeatureRoutes } from '../../app/nav';
import { defaultView, viewPath } from './useWorkspace';
import { WorkspacePage } from './WorkspacePage';

/** The agent workspace's pages: `/workspace` opens the default view. */
export const workspaceRoutes: FeatureRoutes = {
  shell: [
    { path: 'workspace', element: <Navigate to={viewPath(defaultView)} replace /> },
    { path: 'workspace/:view', element: <WorkspacePage /> },
  ],
  public: [],
};
