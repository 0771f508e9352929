import { Badge } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { MeView } from '../../../contracts/auth';
import type { SavedView } from '../../../contracts/views';
import type { NavSection } from '../../app/nav';
import classes from '../workspace/WorkspaceNav.module.css';
import { countLabel, savedViewPath, useSavedViews, useViewCounts } from './useViews';

/** A saved view's menu icon with its count at the end of the entry (decoration: the page says it in words). */
function SavedViewIcon({ id }: { id: number }) {
  const count = useViewCounts().data?.saved.find((c) => c.id === id);
  return (
    <>
      <IconFilter size={18} aria-hidden />
      {count && (
        <Badge className={classes.count} size="sm" circle={!count.capped && count.count < 10} variant={count.count > 0 ? 'filled' : 'light'} color={count.count > 0 ? 'blue' : 'gray'} aria-hidden>
          {countLabel(count)}
        </Badge>
      )}
    </>
  );
}

/** The saved views the agent sees, for the menu. */
export function useSavedViewsNav(me: MeView | undefined): SavedView[] {
  return useSavedViews(Boolean(me?.staffRole)).data?.views ?? [];
}

/** The menu's section of saved views, each with its count; staff with at least one view only. */
export function savedViewsNav(me: MeView, views: SavedView[], t: TFunction): NavSection[] {
  if (me.staffRole === null || views.length === 0) return [];
  return [{ title: t('views.section'), items: views.map((view) => ({ to: savedViewPath(view.id), label: view.name, icon: <SavedViewIcon id={view.id} /> })) }];
}
