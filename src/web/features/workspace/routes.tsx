import { Navigate } from 'react-router';
import type { FeatureRoutes } from '../../app/nav';
import { viewPath } from './useWorkspace';
import { WorkspacePage } from './WorkspacePage';

/** The agent workspace's pages: `/workspace` opens the first view. */
export const workspaceRoutes: FeatureRoutes = {
  shell: [
    { path: 'workspace', element: <Navigate to={viewPath('unassigned')} replace /> },
    { path: 'workspace/:view', element: <WorkspacePage /> },
  ],
  public: [],
};
