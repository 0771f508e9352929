import { describe, expect, it } from 'vitest';
import { endOfDay, isTimeZone, startOfDay } from './time';

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

  it('knows time zones by their IANA names', () => {
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
