import { Badge } from '@mantine/core';
import { IconAlarm, IconAlertOctagon, IconArchive, IconHourglass, IconInbox, IconStack2, IconUser } from '@tabler/icons-react';
import { countLabel } from '../views/useViews';
import { useWorkspaceCounts, type View } from './useWorkspace';
import classes from './WorkspaceNav.module.css';

const icons = { unassigned: IconInbox, mine: IconUser, open: IconStack2, due_soon: IconAlarm, breached: IconAlertOctagon, waiting: IconHourglass, recently_closed: IconArchive } as const;

/**
 * A view's menu icon with its count at the end of the entry. The count is decoration here:
 * the workspace page says it in words, so readers hear the entry's name only.
 */
export function WorkspaceNavIcon({ view }: { view: View }) {
  const counts = useWorkspaceCounts().data;
  const Icon = icons[view];
  const n = counts?.[view];
  return (
    <>
      <Icon size={18} aria-hidden />
      {n !== undefined && (
        <Badge className={classes.count} size="sm" circle={!n.capped && n.count < 10} variant={n.count > 0 && view !== 'recently_closed' ? 'filled' : 'light'} color={n.count > 0 ? (view === 'breached' ? 'red' : 'blue') : 'gray'} aria-hidden>
          {countLabel(n)}
        </Badge>
      )}
    </>
  );
}
