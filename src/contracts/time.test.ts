import { describe, expect, it } from 'vitest';
import { ticketListQuery } from './tickets';
import { dayYears, endOfDay, isDayInRange, isTimeZone, startOfDay } from './time';

describe('calendar days in a time zone', () => {
  it.each([
    ['2026-11-28', 'UTC', '2026-11-28T00:00:00.000Z'],
    ['2026-11-28', 'America/Sao_Paulo', '2026-11-28T03:00:00.000Z'],
    ['2026-01-15', 'America/Manaus', '2026-01-15T04:00:00.000Z'],
    ['2026-07-01', 'Europe/Madrid', '2026-06-30T22:00:00.000Z'],
    ['2026-01-01', 'Europe/Madrid', '2025-12-31T23:00:00.000Z'],
    // New York moves its clocks at 2:00: the day still starts at midnight, EST before and EDT after.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    // Brazil's 2018 daylight saving began at midnight: 4 November started at 01:00 local (03:00 UTC).
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'],
  ])('%s begins in %s at %s', (date, zone, instant) => {
    expect(startOfDay(date, zone).toISOString()).toBe(instant);
  });

  it('ends a day where the next begins', () => {
    expect(endOfDay('2026-11-28', 'America/Sao_Paulo').toISOString()).toBe('2026-11-29T03:00:00.000Z');
    expect(endOfDay('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('ends the last day of year 9999 in year 10000 instead of throwing', () => {
    expect(endOfDay('9999-12-31', 'UTC').getTime()).toBe(Date.UTC(10000, 0, 1));
    expect(endOfDay('9999-12-31', 'America/Sao_Paulo').getTime()).toBe(Date.UTC(10000, 0, 1, 3));
    expect(endOfDay('9998-12-31', 'UTC').toISOString()).toBe('9999-01-01T00:00:00.000Z');
  });

  it('accepts period days from 1900 to 9998 only, naming the field', () => {
    expect([dayYears.min, dayYears.max]).toEqual([1900, 9998]);
    expect(['1900-01-01', '2026-11-28', '9998-12-31'].map(isDayInRange)).toEqual([true, true, true]);
    expect(['0000-01-01', '1899-12-31', '9999-01-01', '9999-12-31'].map(isDayInRange)).toEqual([false, false, false, false]);
    for (const [query, field] of [
      [{ to: '9999-12-31' }, 'to'],
      [{ from: '0000-01-01' }, 'from'],
    ] as const) {
      const parsed = ticketListQuery.safeParse(query);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([[[field], 'validation.date']]);
    }
    expect(ticketListQuery.safeParse({ from: '1900-01-01', to: '9998-12-31' }).success).toBe(true);
  });

  it('knows time zones by their IANA names', () => {
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
