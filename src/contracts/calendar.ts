/**
 * Business-time arithmetic of SLA calendars, pure and shared by the browser and the server (the
 * browser shows the due time the server stores). Time walks the business periods of each local
 * day, never minute by minute; the zone's wall clock comes from Intl, whatever the process's zone.
 */

/** A business period of a day, 'HH:MM' to 'HH:MM' (end after start; '24:00' is the day's end). */
export type Period = { start: string; end: string };
/** The periods of each weekday: index 0 = Sunday … 6 = Saturday. */
export type WeekHours = Period[][];
export type BusinessCalendar = {
  /** IANA zone the hours and holidays are read in. */
  timeZone: string;
  hours: WeekHours;
  /** Local dates without business time, 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
};

const minuteMs = 60_000;
const dayMs = 86_400_000;
const quarterMs = 15 * minuteMs;
/** How far a walk looks for business time before it gives up (a calendar with none). */
const maxDays = 3660;

/** Minutes since midnight of an 'HH:MM' time ('24:00' = 1440); NaN when it is not one. */
export function timeOfDay(time: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  if (!match) return Number.NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : Number.NaN;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (zones change offset on quarter hours). */
function offsetAt(timeZone: string, instant: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const block = Math.floor(instant / quarterMs);
  const cached = zone.get(block);
  if (cached !== undefined) return cached;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const at = block * quarterMs;
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  const wall = date.setUTCHours(part('hour'), part('minute'), 0, 0);
  const offset = wall - Math.floor(at / minuteMs) * minuteMs;
  if (zone.size > 50_000) zone.clear();
  zone.set(block, offset);
  return offset;
}

/** The local day number (days since 1970-01-01 on the zone's wall clock) of an instant. */
function localDay(timeZone: string, instant: number): number {
  return Math.floor((instant + offsetAt(timeZone, instant)) / dayMs);
}

/**
 * The instant a local wall time (ms since the local epoch) happens; in a gap (clocks moved
 * forward), the first instant after it: the change of offset.
 */
function instantOf(timeZone: string, local: number): number {
  const guess = local - offsetAt(timeZone, local);
  const first = local - offsetAt(timeZone, guess);
  if (first + offsetAt(timeZone, first) === local) return first;
  const second = local - offsetAt(timeZone, first);
  if (second + offsetAt(timeZone, second) === local) return second;
  // The wall time never happens: the candidates are the same wall time read with the offsets
  // before and after the change; the change lies between them, on a quarter hour (see offsetAt).
  const before = Math.min(first, second);
  const offsetBefore = offsetAt(timeZone, before);
  let block = Math.floor(before / quarterMs) * quarterMs + quarterMs;
  while (block < Math.max(first, second) && offsetAt(timeZone, block) === offsetBefore) block += quarterMs;
  return block;
}

type Normalized = { week: [number, number][][]; days: Map<number, [number, number][]> };
const normalizedOf = new WeakMap<BusinessCalendar, Normalized>();

/** The calendar's periods as sorted, merged minute ranges per weekday, and its spans per day (cached). */
function normalized(cal: BusinessCalendar): Normalized {
  let n = normalizedOf.get(cal);
  if (n) return n;
  const week = Array.from({ length: 7 }, (_, day) => {
    const ranges = (cal.hours[day] ?? [])
      .map((p): [number, number] => [timeOfDay(p.start), timeOfDay(p.end)])
      .filter(([s, e]) => s < e)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged.at(-1);
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  });
  n = { week, days: new Map() };
  normalizedOf.set(cal, n);
  return n;
}

/** The business spans [start, end) of a local day as instants, none on a holiday. */
function spans(cal: BusinessCalendar, day: number): [number, number][] {
  const n = normalized(cal);
  const cached = n.days.get(day);
  if (cached) return cached;
  const date = new Date(day * dayMs).toISOString().slice(0, 10);
  const weekday = (((day + 4) % 7) + 7) % 7;
  const out: [number, number][] = [];
  if (!cal.holidays.has(date)) {
    for (const [s, e] of n.week[weekday]!) {
      const start = instantOf(cal.timeZone, day * dayMs + s * minuteMs);
      const end = instantOf(cal.timeZone, day * dayMs + e * minuteMs);
      if (end > start) out.push([start, end]);
    }
  }
  if (n.days.size > 20_000) n.days.clear();
  n.days.set(day, out);
  return out;
}

function assertHasHours(cal: BusinessCalendar): void {
  if (normalized(cal).week.every((d) => d.length === 0)) throw new RangeError('the calendar has no business hours');
}

/** The instant `minutes` business minutes after `from` (the end of the last of them); `from` itself for 0 or less. */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  const t = from.getTime();
  if (!(minutes > 0)) return new Date(t);
  assertHasHours(cal);
  let remaining = Math.round(minutes * minuteMs);
  const first = localDay(cal.timeZone, t) - 1;
  for (let day = first; day < first + maxDays; day++) {
    for (const [s, e] of spans(cal, day)) {
      if (e <= t) continue;
      const begin = Math.max(s, t);
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new RangeError('no business time within ten years');
}

/** Business minutes from `a` to `b` (negative when b is before a); fractions of a minute count. */
export function businessMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(cal, b, a);
  let total = 0;
  const last = localDay(cal.timeZone, to);
  for (let day = localDay(cal.timeZone, from) - 1; day <= last; day++) {
    for (const [s, e] of spans(cal, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / minuteMs;
}

/** The first business instant at or after `at` (`at` itself when it is one). */
export function nextBusinessInstant(cal: BusinessCalendar, at: Date): Date {
  const t = at.getTime();
  assertHasHours(cal);
  const first = localDay(cal.timeZone, t) - 1;
  for (let day = first; day < first + maxDays; day++) {
    for (const [s, e] of spans(cal, day)) if (e > t) return new Date(Math.max(s, t));
  }
  throw new RangeError('no business time within ten years');
}

/** Whether `at` falls inside a business period (periods include their start, not their end). */
export function isBusinessInstant(cal: BusinessCalendar, at: Date): boolean {
  const t = at.getTime();
  const day = localDay(cal.timeZone, t);
  return [day - 1, day].some((d) => spans(cal, d).some(([s, e]) => s <= t && t < e));
}

/** Whether every minute is business time: all days 00:00–24:00 and no holidays. */
export function is24x7(cal: BusinessCalendar): boolean {
  const { week } = normalized(cal);
  return cal.holidays.size === 0 && week.every((d) => d.length === 1 && d[0]![0] === 0 && d[0]![1] === 1440);
}
