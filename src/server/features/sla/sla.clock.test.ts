import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '../../../contracts/calendar';
import { clockTimes, type Pause } from './sla.clock';
import { holidaysOf } from './sla.holidays';

const commercialDay = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
/** "Comercial São Paulo" with the real holidays of 2026 and 2027: national, the state's and the city's. */
const saoPaulo: BusinessCalendar = {
  timeZone: 'America/Sao_Paulo',
  hours: [[], commercialDay, commercialDay, commercialDay, commercialDay, commercialDay, []],
  holidays: new Set([2026, 2027].flatMap((year) => holidaysOf({ country: 'BR', state: 'SP', city: 'SP' }, year).map((h) => h.date))),
};
const local = (text: string) => new Date(`${text}-03:00`);

describe('due times on Comercial São Paulo', () => {
  it.each([
    // Friday before Carnaval (16–17 Feb 2026): 2 h that day, the rest on Ash Wednesday.
    ['2026-02-13T16:00:00', 240, '2026-02-18T10:00:00'],
    // Maundy Thursday; Sexta-feira Santa (3 Apr 2026) and the weekend are skipped.
    ['2026-04-02T17:00:00', 120, '2026-04-06T09:00:00'],
    // Corpus Christi, Thursday 4 Jun 2026.
    ['2026-06-03T17:30:00', 60, '2026-06-05T08:30:00'],
    // Revolução Constitucionalista (São Paulo state), Thursday 9 Jul 2026.
    ['2026-07-08T18:00:00', 30, '2026-07-10T08:30:00'],
    // Alta's resolution (2 business days = 18 h) across Carnaval 2027 (8–9 Feb); Ash Wednesday is a working day.
    ['2027-02-05T08:00:00', 18 * 60, '2027-02-10T18:00:00'],
    // Aniversário de São Paulo (city), Monday 25 Jan 2027, after a weekend.
    ['2027-01-22T17:00:00', 120, '2027-01-26T09:00:00'],
    // Corpus Christi 2027 (27 May), and the lunch hour.
    ['2027-05-26T11:00:00', 8 * 60, '2027-05-28T10:00:00'],
  ])('opened %s, %i business minutes: due %s', (from, minutes, due) => {
    expect(addBusinessMinutes(saoPaulo, local(from), minutes).toISOString()).toBe(local(due).toISOString());
    expect(businessMinutesBetween(saoPaulo, local(from), local(due))).toBe(minutes);
  });
});

const runs = Number(process.env.FC_RUNS ?? 200);
const start = Date.UTC(2026, 0, 5, 11);

describe('a clock with pauses', () => {
  /** Pauses as disjoint periods after the start, in random order; the last may still last. */
  const pauses = fc
    .uniqueArray(fc.integer({ min: 1, max: 60 * 24 * 60 }), { minLength: 0, maxLength: 8 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const list: Pause[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) list.push({ start: new Date(start + sorted[i]! * 60_000), end: new Date(start + sorted[i + 1]! * 60_000) });
      return fc.tuple(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), fc.boolean());
    });

  it('runs exactly its target outside the pauses, in whatever order the pauses come, and never counts them twice', () => {
    fc.assert(
      fc.property(pauses, fc.integer({ min: 1, max: 6000 }), ([list, lasting], target) => {
        const now = new Date(start + 61 * 24 * 60 * 60_000);
        const all = lasting && list.length ? [...list.slice(1), { start: list[0]!.start, end: null }] : list;
        const times = clockTimes(saoPaulo, new Date(start), target, all, now);
        const reversed = clockTimes(saoPaulo, new Date(start), target, [...all].reverse(), now);
        expect(reversed).toEqual(times);
        if (times.paused) {
          // Stopped in the lasting pause: what ran before it is less than the target.
          const open = all.find((p) => p.end === null)!;
          const ran = businessMinutesBetween(saoPaulo, new Date(start), open.start) - all.filter((p) => p.end && p.end <= open.start).reduce((s, p) => s + businessMinutesBetween(saoPaulo, p.start, p.end!), 0);
          expect(ran).toBeLessThan(target);
          return;
        }
        const inPauses = all.reduce((sum, p) => {
          const end = p.end ?? now;
          const to = end < times.dueAt ? end : times.dueAt;
          return to > p.start ? sum + businessMinutesBetween(saoPaulo, p.start, to) : sum;
        }, 0);
        expect(businessMinutesBetween(saoPaulo, new Date(start), times.dueAt) - inPauses).toBeCloseTo(target, 6);
      }),
      { numRuns: runs },
    );
  });

  it('warns at 75 % of the target, before the due time', () => {
    const times = clockTimes(saoPaulo, local('2026-03-02T08:00:00'), 240, [], local('2026-03-02T08:00:00'));
    expect(times.warnAt.toISOString()).toBe(local('2026-03-02T11:00:00').toISOString());
    expect(times.dueAt.toISOString()).toBe(local('2026-03-02T12:00:00').toISOString());
  });
});
