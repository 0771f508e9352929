import type { TFunction } from 'i18next';
import { Navigate } from 'react-router';
import type { MeView } from '../../../contracts/auth';
import type { FeatureRoutes, NavSection } from '../../app/nav';
import { views, viewPath } from './useWorkspace';
import { WorkspaceNavIcon } from './WorkspaceNavIcon';
import { WorkspacePage } from './WorkspacePage';

/** The agent workspace's pages: `/workspace` opens the first view. */
export const workspaceRoutes: FeatureRoutes = {
  shell: [
    { path: 'workspace', element: <Navigate to={viewPath('unassigned')} replace /> },
    { path: 'workspace/:view', element: <WorkspacePage /> },
  ],
  public: [],
};

/** The agent workspace's menu entries, one a view with its count; staff only. */
export function workspaceNav(me: MeView, t: TFunction): NavSection[] {
  if (me.staffRole === null) return [];
  return [
    {
      title: t('workspace.title'),
      items: views.map((view) => ({ to: viewPath(view), label: t(`workspace.views.${view}`), icon: <WorkspaceNavIcon view={view} /> })),
    },
  ];
}
