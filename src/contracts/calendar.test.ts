import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, is24x7, isBusinessInstant, nextBusinessInstant, type BusinessCalendar } from './calendar';

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
