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
