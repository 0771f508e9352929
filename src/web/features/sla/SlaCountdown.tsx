import { Badge, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { spanOf, urgencyOf, type Clock, type Urgency } from './countdown';
import { useNow } from './useNow';

const color: Record<Urgency, string> = { none: 'gray', calm: 'blue', warning: 'yellow', breached: 'red', paused: 'gray' };

/**
 * "vence em 35 min", amber from 75 % of the target, red "violado há 2 h" once breached, "pausado"
 * while the ticket waits on the customer; the exact due time on hover. Nothing without a clock.
 */
export function SlaCountdown({ clock }: { clock: Clock | null | undefined }) {
  const { t } = useTranslation();
  const now = useNow();
  const language = currentLanguage();
  if (!clock) return <Text size="sm" c="dimmed">—</Text>;
  const urgency = urgencyOf(clock, now);
  if (urgency === 'none') return <Text size="sm" c="dimmed">—</Text>;

  let label: string;
  if (urgency === 'breached') {
    // A row may say "breached" while its next due time (another target's) is still ahead: no "ago" then.
    const since = clock.breachedAt ?? (clock.dueAt && Date.parse(clock.dueAt) <= now ? clock.dueAt : null);
    const span = since ? spanOf((now - Date.parse(since)) / 60_000) : null;
    label = span ? t(`slaWeb.breachedAgo.${span.unit}`, { count: span.count }) : t('slaWeb.breached');
  } else if (urgency === 'paused') {
    label = t('slaWeb.paused');
  } else {
    const span = spanOf((Date.parse(clock.dueAt!) - now) / 60_000);
    label = t(`slaWeb.dueIn.${span.unit}`, { count: span.count });
  }
  const icon = urgency === 'breached' ? <IconAlertTriangle size={12} aria-hidden /> : urgency === 'paused' ? <IconPlayerPause size={12} aria-hidden /> : <IconClock size={12} aria-hidden />;
  const badge = (
    <Badge
      size="sm"
      radius="sm"
      tt="none"
      variant={urgency === 'calm' || urgency === 'paused' ? 'light' : 'filled'}
      color={color[urgency]}
      c={urgency === 'warning' ? 'dark.9' : urgency === 'calm' ? 'blue.9' : urgency === 'paused' ? 'gray.9' : undefined}
      leftSection={icon}
      data-sla={urgency}
      style={{ whiteSpace: 'nowrap' }}
    >
      {label}
    </Badge>
  );
  return clock.dueAt ? (
    <Tooltip label={t('slaWeb.dueAt', { time: formatDateTime(clock.dueAt, language) })} openDelay={300}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
