import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../../contracts/criticality';
import type { TicketStatus } from '../../../contracts/tickets';

// A badge never shrinks to an ellipsis in a narrow table cell (min-width: max-content).
// Filled badges; autoContrast picks dark text on the light shades so every level passes WCAG AA.
const levelColor: Record<Level, string> = {
  critical: 'red.9',
  high: 'orange.5',
  medium: 'yellow.4',
  low: 'blue.8',
  planning: 'gray.7',
};

const statusColor: Record<TicketStatus, string> = {
  new: 'blue',
  in_progress: 'indigo',
  waiting_customer: 'orange',
  on_hold: 'gray',
  solution_proposed: 'teal',
  closed: 'dark',
};

/** A criticality level as a coloured badge, from Crítica (red) to Planejamento (gray). */
export function CriticalityBadge({ level, ...props }: { level: Level } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={levelColor[level]} autoContrast variant="filled" radius="sm" miw="max-content" {...props}>
      {t(`criticality.levels.${level}`)}
    </Badge>
  );
}

/** A ticket status; the dot carries the colour and the text stays dark enough to read. */
export function StatusBadge({ status, ...props }: { status: TicketStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="dot" radius="sm" miw="max-content" {...props}>
      {t(`tickets.statuses.${status}`)}
    </Badge>
  );
}
