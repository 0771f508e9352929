import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { FeatureRoutes, NavSection } from '../../app/nav';

/** The agent workspace's pages. */
export const workspaceRoutes: FeatureRoutes = { shell: [], public: [] };

/** The agent workspace's menu entries. */
export function workspaceNav(_me: MeView, _t: TFunction): NavSection[] {
  return [];
}
