import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { FeatureRoutes, NavSection } from '../../app/nav';

/** Administration pages: "Meu espaço" for portal administrators, the system administration, help. */
export const adminRoutes: FeatureRoutes = { shell: [], public: [] };

/** Administration menu entries, by role. */
export function adminNav(_me: MeView, _t: TFunction): NavSection[] {
  return [];
}
