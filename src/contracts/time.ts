/** Whether the runtime knows this IANA time zone ("America/Sao_Paulo", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar years a day filter accepts (`from`, `to` of the ticket list). 1900: no ticket is
 * older, and zone offsets before it are local mean times of no use. 9998: a day's exclusive end is
 * the next day's start, and the next day of 9999-12-31 is in year 10000, whose ISO text
 * (`+010000-…`) no longer compares in order with the stored timestamps.
 */
export const dayYears = { min: 1900, max: 9998 } as const;

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a YYYY-MM-DD day lies in the years a day filter accepts. */
export function isDayInRange(date: string): boolean {
  const year = Number(calendarDay.exec(date)?.[1]);
  return year >= dayYears.min && year <= dayYears.max;
}

/** How far the wall clock of a zone is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The first moment in the zone of the calendar day year-month-day (a day past the month's end rolls over). */
function dayStart(year: number, month: number, day: number, timeZone: string): Date {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The offset at UTC midnight is a first guess; the offset at the guess settles a change in between.
  const guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  const settled = midnightAsUtc - offsetAt(guess, timeZone);
  // Where the clock jumps over midnight, the settled instant falls on the day before: step forward.
  return new Date(offsetAt(settled, timeZone) === offsetAt(guess, timeZone) ? settled : Math.max(settled, guess));
}

/** The year, month and day of a YYYY-MM-DD text (years from 100: `Date.UTC` reads 0–99 as 1900–1999). */
function parseDay(date: string): [number, number, number] {
  const match = calendarDay.exec(date);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in a time zone: midnight there, or the first
 * moment of the day where a clock change skips midnight.
 */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = parseDay(date);
  return dayStart(year, month, day, timeZone);
}

/** The instant the day after `date` begins in the zone: the exclusive end of that day. */
export function endOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = parseDay(date);
  return dayStart(year, month, day + 1, timeZone);
}
