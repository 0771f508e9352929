import { useTranslation } from 'react-i18next';
import type { MeView } from '../../contracts/auth';
import { savedViewsNav, useSavedViewsNav } from '../features/views/nav';
import { workspaceNav } from '../features/workspace/nav';
import { NavSections, type NavLinkOf } from './NavSections';

/** The staff's part of the menu, the workspace's views and the saved views; loaded by the shell for staff only. */
export function StaffNav({ me, link }: { me: MeView; link: NavLinkOf }) {
  const { t } = useTranslation();
  const savedViews = useSavedViewsNav(me);
  return <NavSections sections={[...workspaceNav(me, t), ...savedViewsNav(me, savedViews, t)]} link={link} />;
}
