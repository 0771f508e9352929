import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '../../../contracts/calendar';

/** A period the ticket's clocks stood still; `end` null while it lasts. */
export type Pause = { start: Date; end: Date | null };

/** Of every target, the share after which the assignee is warned. */
export const warnShare = 0.75;

/** Statuses that stop the clocks; on hold only where the policy says so. */
export function pausesIn(status: string, pauseOnHold: boolean): boolean {
  return status === 'waiting_customer' || status === 'solution_proposed' || (pauseOnHold && status === 'on_hold');
}

/**
 * The instant a clock started at `startedAt` has run `minutes` business minutes, its pauses left
 * out, or the minutes still to run when it stands in a pause that lasts.
 */
function reach(cal: BusinessCalendar, startedAt: Date, minutes: number, pauses: readonly Pause[]): { at: Date } | { remaining: number } {
  let cursor = startedAt;
  let remaining = minutes;
  for (const p of pauses) {
    if (p.end !== null && p.end <= cursor) continue;
    if (p.start > cursor) {
      const available = businessMinutesBetween(cal, cursor, p.start);
      if (remaining <= available) return { at: addBusinessMinutes(cal, cursor, remaining) };
      remaining -= available;
    }
    if (p.end === null) return { remaining };
    cursor = p.end;
  }
  return { at: addBusinessMinutes(cal, cursor, remaining) };
}

export type ClockTimes = {
  /** When the target falls due; for a paused clock, when it would if it ran on from `now`. */
  dueAt: Date;
  warnAt: Date;
  paused: boolean;
  /** Business minutes of the pauses since the start, up to `now`. */
  pausedMinutes: number;
};

/**
 * A clock's due and warning times from its start, its target and the ticket's pauses (sorted by
 * start): pure, so a recomputation (an override, a calendar edit) gives what an uninterrupted
 * clock would have. Business time is counted on the calendar, never minute by minute.
 */
export function clockTimes(cal: BusinessCalendar, startedAt: Date, targetMinutes: number, pauses: readonly Pause[], now: Date): ClockTimes {
  const sorted = [...pauses].sort((a, b) => a.start.getTime() - b.start.getTime());
  const resolve = (minutes: number) => {
    const r = reach(cal, startedAt, minutes, sorted);
    return 'at' in r ? r.at : addBusinessMinutes(cal, now, r.remaining);
  };
  const due = reach(cal, startedAt, targetMinutes, sorted);
  let pausedMinutes = 0;
  for (const p of sorted) {
    const from = p.start > startedAt ? p.start : startedAt;
    const to = p.end ?? now;
    if (to > from) pausedMinutes += businessMinutesBetween(cal, from, to);
  }
  return {
    dueAt: 'at' in due ? due.at : addBusinessMinutes(cal, now, due.remaining),
    warnAt: resolve(Math.round(targetMinutes * warnShare)),
    paused: !('at' in due) && sorted.some((p) => p.end === null),
    pausedMinutes: Math.round(pausedMinutes),
  };
}
