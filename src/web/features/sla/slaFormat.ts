import type { WeekHoursInput } from '../../../contracts/sla-admin';

/** The days in the order a week is read at work, Monday first (0 = Sunday, as WeekHours keeps them). */
export const workWeek = [1, 2, 3, 4, 5, 6, 0] as const;

/** A weekday's name in the interface language: "segunda-feira", or "seg." when `short`. */
export function weekdayName(day: number, language: string, short = false): string {
  // 2023-01-01 was a Sunday; noon UTC is the same day in every zone.
  return new Intl.DateTimeFormat(language, { weekday: short ? 'short' : 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day, 12));
}

type Day = WeekHoursInput[number];
const sameDay = (a: Day, b: Day) => a.length === b.length && a.every((p, i) => p.start === b[i]!.start && p.end === b[i]!.end);
const isAllDay = (day: Day) => day.length === 1 && day[0]!.start === '00:00' && day[0]!.end === '24:00';

/**
 * A week's hours in one line: consecutive days with the same periods together,
 * "seg.–sex. 08:00–12:00, 13:00–18:00 · sáb. 08:00–12:00"; `everyDay` when it is 24×7.
 */
export function hoursSummary(hours: WeekHoursInput, language: string, words: { everyDay: string; allDay: string }): string {
  if (hours.every(isAllDay)) return words.everyDay;
  const runs: { from: number; to: number; day: Day }[] = [];
  for (const day of workWeek) {
    const last = runs.at(-1);
    if (last && sameDay(last.day, hours[day]!)) last.to = day;
    else runs.push({ from: day, to: day, day: hours[day]! });
  }
  return runs
    .filter((run) => run.day.length)
    .map((run) => {
      const days = run.from === run.to ? weekdayName(run.from, language, true) : `${weekdayName(run.from, language, true)}–${weekdayName(run.to, language, true)}`;
      return `${days} ${isAllDay(run.day) ? words.allDay : run.day.map((p) => `${p.start}–${p.end}`).join(', ')}`;
    })
    .join(' · ');
}

/** A due time as people say it: "ter., 14:00" within a week, "16/02/2026 14:00" beyond; in the viewer's zone. */
export function dueTime(iso: string, language: string, now = Date.now()): string {
  const at = new Date(iso);
  const days = Math.abs(at.getTime() - now) / 86_400_000;
  return days < 6
    ? new Intl.DateTimeFormat(language, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at)
    : new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** A holiday's day with its weekday: "ter., 17/02". */
export function holidayDay(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day, 12));
}

/** Business minutes as hours and minutes: "4 h", "1 h 30 min", "45 min". */
export function durationText(minutes: number, units: { h: string; min: string }): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h && `${h} ${units.h}`, m && `${m} ${units.min}`].filter(Boolean).join(' ') || `0 ${units.min}`;
}
