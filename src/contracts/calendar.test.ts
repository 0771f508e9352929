import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, is24x7, isBusinessInstant, nextBusinessInstant, timeOfDay, type BusinessCalendar, type Period } from './calendar';

const day = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
/** Comercial São Paulo: Mon–Fri 08:00–12:00, 13:00–18:00, with Carnaval 2026. */
const commercial: BusinessCalendar = {
  timeZone: 'America/Sao_Paulo',
  hours: [[], day, day, day, day, day, []],
  holidays: new Set(['2026-02-16', '2026-02-17']),
};
const always: BusinessCalendar = { timeZone: 'UTC', hours: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: new Set() };
const at = (text: string) => new Date(text);

describe('business time', () => {
  it('adds across lunch, nights, weekends and holidays', () => {
    // Friday 13 Feb 2026, 17:00 São Paulo (-03:00): 1 h that day, then Carnaval Monday and Tuesday, then Wednesday.
    expect(addBusinessMinutes(commercial, at('2026-02-13T17:00:00-03:00'), 120).toISOString()).toBe(at('2026-02-18T09:00:00-03:00').toISOString());
    expect(addBusinessMinutes(commercial, at('2026-02-18T11:30:00-03:00'), 60).toISOString()).toBe(at('2026-02-18T13:30:00-03:00').toISOString());
    expect(addBusinessMinutes(commercial, at('2026-02-18T08:00:00-03:00'), 240).toISOString()).toBe(at('2026-02-18T12:00:00-03:00').toISOString());
  });

  it('measures business minutes between two instants', () => {
    expect(businessMinutesBetween(commercial, at('2026-02-13T17:00:00-03:00'), at('2026-02-18T09:00:00-03:00'))).toBe(120);
    expect(businessMinutesBetween(commercial, at('2026-02-18T09:00:00-03:00'), at('2026-02-13T17:00:00-03:00'))).toBe(-120);
  });

  it('finds the next business instant and tells business time apart', () => {
    expect(nextBusinessInstant(commercial, at('2026-02-14T03:00:00-03:00')).toISOString()).toBe(at('2026-02-18T08:00:00-03:00').toISOString());
    expect(isBusinessInstant(commercial, at('2026-02-18T12:30:00-03:00'))).toBe(false);
    expect(isBusinessInstant(commercial, at('2026-02-18T13:00:00-03:00'))).toBe(true);
    expect(is24x7(commercial)).toBe(false);
    expect(is24x7(always)).toBe(true);
    expect(addBusinessMinutes(always, at('2026-02-14T03:00:00Z'), 60).toISOString()).toBe('2026-02-14T04:00:00.000Z');
  });
});

describe('business time across a change of the clocks', () => {
  /** Sundays only, in a zone: the periods as given. */
  const sundays = (timeZone: string, periods: Period[]): BusinessCalendar => ({ timeZone, hours: [periods, [], [], [], [], [], []], holidays: new Set() });
  const late = [{ start: '02:30', end: '05:00' }];
  const early = [{ start: '01:00', end: '02:30' }];
  it.each([
    // Clocks forward at 02:00 (New York 8 Mar 2026, Berlin 29 Mar 2026): 02:30 never happens; the period starts or ends at 03:00, the first instant after the gap.
    ['America/New_York', late, '2026-03-08T05:00:00Z', '2026-03-08T07:00:00Z', 120],
    ['America/New_York', early, '2026-03-08T05:00:00Z', '2026-03-08T06:00:00Z', 60],
    ['Europe/Berlin', late, '2026-03-28T23:00:00Z', '2026-03-29T01:00:00Z', 120],
    ['Europe/Berlin', early, '2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z', 60],
    // A week later, no change: 02:30 local as it is.
    ['America/New_York', late, '2026-03-15T04:00:00Z', '2026-03-15T06:30:00Z', 150],
    ['Europe/Berlin', late, '2026-04-04T22:00:00Z', '2026-04-05T00:30:00Z', 150],
    // Clocks back at 02:00 (New York, 1 Nov 2026): 01:00–02:30 begins at the first 01:00 and lasts an hour more.
    ['America/New_York', early, '2026-11-01T04:00:00Z', '2026-11-01T05:00:00Z', 150],
  ] as const)('%s %j from %s: starts at %s, %i business minutes that day', (timeZone, periods, midnight, start, minutes) => {
    const cal = sundays(timeZone, [...periods]);
    expect(nextBusinessInstant(cal, at(midnight)).toISOString()).toBe(at(start).toISOString());
    expect(businessMinutesBetween(cal, at(midnight), new Date(at(midnight).getTime() + 86_400_000))).toBe(minutes);
    // One span a day: its end is as many real minutes after its start.
    expect(addBusinessMinutes(cal, at(midnight), minutes).getTime() - at(start).getTime()).toBe(minutes * 60_000);
  });
});

// ---- Properties (fast-check): FC_RUNS sets how many cases each property tries (default 200).

const runs = Number(process.env.FC_RUNS ?? 200);
const zones = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Asia/Tokyo', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A day's periods: up to three, on a 5-minute grid, sorted and apart. */
const dayPeriods = fc
  .uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b).map((c) => c * 5);
    const periods: Period[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) periods.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    return periods;
  });
const day0 = Date.UTC(2026, 0, 1);
const dates = fc.integer({ min: 0, max: 730 }).map((d) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10));
const calendars = fc
  .record({ timeZone: fc.constantFrom(...zones), hours: fc.array(dayPeriods, { minLength: 7, maxLength: 7 }), holidays: fc.uniqueArray(dates, { maxLength: 40 }) })
  // At least an hour a week: the longest sums below (10,000 minutes) then fit in the ten years a walk looks ahead.
  .filter((c) => c.hours.flat().reduce((sum, p) => sum + timeOfDay(p.end) - timeOfDay(p.start), 0) >= 60)
  .map((c): BusinessCalendar => ({ timeZone: c.timeZone, hours: c.hours, holidays: new Set(c.holidays) }));
const instants = fc.integer({ min: day0, max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 1, max: 5_000 });

/** The wall clock of an instant in a zone, read by Intl alone: the local date, weekday and second of the day. */
function wallClock(timeZone: string, at: Date) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')),
    second: Number(part('hour')) * 3600 + Number(part('minute')) * 60 + Number(part('second')),
  };
}

describe('business time, for any calendar', () => {
  it('measures back exactly the business minutes it added', () => {
    fc.assert(
      fc.property(calendars, instants, minutes, (cal, from, m) => {
        expect(businessMinutesBetween(cal, from, addBusinessMinutes(cal, from, m))).toBe(m);
      }),
      { numRuns: runs },
    );
  });

  it('never puts a due time on a holiday or outside the hours: its last minute is inside a period of its weekday', () => {
    fc.assert(
      fc.property(calendars, instants, minutes, (cal, from, m) => {
        const due = addBusinessMinutes(cal, from, m);
        const last = wallClock(cal.timeZone, new Date(due.getTime() - 1000));
        expect(cal.holidays.has(last.date)).toBe(false);
        const inside = cal.hours[last.weekday]!.some((p) => timeOfDay(p.start) * 60 <= last.second && last.second < timeOfDay(p.end) * 60);
        expect(inside).toBe(true);
        expect(isBusinessInstant(cal, new Date(due.getTime() - 1000))).toBe(true);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
      }),
      { numRuns: runs },
    );
  });

  it('adds in steps as in one go, measures in pieces as in one go, and starts at the next business instant', () => {
    fc.assert(
      fc.property(calendars, instants, minutes, minutes, (cal, from, a, b) => {
        const mid = addBusinessMinutes(cal, from, a);
        expect(addBusinessMinutes(cal, mid, b).getTime()).toBe(addBusinessMinutes(cal, from, a + b).getTime());
        const end = addBusinessMinutes(cal, from, a + b);
        expect(businessMinutesBetween(cal, from, mid) + businessMinutesBetween(cal, mid, end)).toBe(a + b);
        const next = nextBusinessInstant(cal, from);
        expect(businessMinutesBetween(cal, from, next)).toBe(0);
        expect(isBusinessInstant(cal, next)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  /** Cases every zone of the process must answer alike: computed here, and by child processes under TZ=UTC and TZ=Asia/Tokyo. */
  const cases = fc.sample(fc.tuple(calendars, instants, minutes), { numRuns: 60, seed: 16 }).map(([cal, from, m]) => ({ cal: { ...cal, holidays: [...cal.holidays] }, from: from.toISOString(), m }));
  const script = `
    import { addBusinessMinutes, businessMinutesBetween, nextBusinessInstant } from './src/contracts/calendar.ts';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const out = JSON.parse(input).map(({ cal, from, m }) => {
      const c = { ...cal, holidays: new Set(cal.holidays) };
      const due = addBusinessMinutes(c, new Date(from), m);
      return [due.toISOString(), nextBusinessInstant(c, new Date(from)).toISOString(), businessMinutesBetween(c, new Date(from), new Date(Date.parse(from) + 9 * 86400000))];
    });
    process.stdout.write(JSON.stringify(out));`;
  const inZone = (tz: string) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { input: JSON.stringify(cases), env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout) as unknown[];
  };

  it('gives the same answers whatever the process’s time zone (UTC, Asia/Tokyo, this one)', () => {
    const here = cases.map(({ cal, from, m }) => {
      const c = { ...cal, holidays: new Set(cal.holidays) };
      return [addBusinessMinutes(c, new Date(from), m).toISOString(), nextBusinessInstant(c, new Date(from)).toISOString(), businessMinutesBetween(c, new Date(from), new Date(Date.parse(from) + 9 * 86_400_000))];
    });
    expect(inZone('UTC')).toEqual(here);
    expect(inZone('Asia/Tokyo')).toEqual(here);
  }, 60_000);
});
