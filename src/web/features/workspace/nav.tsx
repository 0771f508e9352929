import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { NavSection } from '../../app/nav';
import { macrosNavItem } from '../macros/nav';
import { views, viewPath } from './useWorkspace';
import { WorkspaceNavIcon } from './WorkspaceNavIcon';

/** The agent workspace's menu entries, one a view with its count, then the macros; staff only. */
export function workspaceNav(me: MeView, t: TFunction): NavSection[] {
  if (me.staffRole === null) return [];
  return [
    {
      title: t('workspace.title'),
      items: [...views.map((view) => ({ to: viewPath(view), label: t(`workspace.views.${view}`), icon: <WorkspaceNavIcon view={view} /> })), macrosNavItem(t)],
    },
  ];
}
