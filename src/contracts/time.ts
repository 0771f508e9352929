/** Whether the runtime knows this IANA time zone ("America/Sao_Paulo", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
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

/**
 * The instant a calendar day (YYYY-MM-DD) begins in a time zone: midnight there, or the first
 * moment of the day where a clock change skips midnight.
 */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The offset at UTC midnight is a first guess; the offset at the guess settles a change in between.
  const guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  const settled = midnightAsUtc - offsetAt(guess, timeZone);
  // Where the clock jumps over midnight, the settled instant falls on the day before: step forward.
  return new Date(offsetAt(settled, timeZone) === offsetAt(guess, timeZone) ? settled : Math.max(settled, guess));
}

/** The instant the day after `date` begins in the zone: the exclusive end of that day. */
export function endOfDay(date: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}
