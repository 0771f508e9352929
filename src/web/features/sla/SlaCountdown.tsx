import { Badge, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useNow } from './useNow';

/** A clock as a list row or a panel has it: when it falls due, when it warns (75 %), when it was breached. */
export type Clock = { dueAt: string | null; warnAt?: string | null; breachedAt?: string | null; breached?: boolean; paused?: boolean };

export type Urgency = 'none' | 'calm' | 'warning' | 'breached' | 'paused';

/** How urgent a clock is at `now`: red once breached, amber from 75 % of its target, calm before. */
export function urgencyOf(clock: Clock, now: number): Urgency {
  if (clock.breached || clock.breachedAt || (clock.dueAt && !clock.paused && Date.parse(clock.dueAt) <= now)) return 'breached';
  if (clock.paused) return 'paused';
  if (!clock.dueAt) return 'none';
  return clock.warnAt && Date.parse(clock.warnAt) <= now ? 'warning' : 'calm';
}

/** A span of minutes in the largest unit that fits, for the plural keys: 35 min, 2 h, 3 days. */
export function spanOf(minutes: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return { unit: 'minutes', count: Math.max(1, m) };
  if (m < 48 * 60) return { unit: 'hours', count: Math.floor(m / 60) };
  return { unit: 'days', count: Math.floor(m / 1440) };
}

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
    const since = clock.breachedAt ?? clock.dueAt;
    const span = spanOf(since ? (now - Date.parse(since)) / 60_000 : 0);
    label = t(`slaWeb.breachedAgo.${span.unit}`, { count: span.count });
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
