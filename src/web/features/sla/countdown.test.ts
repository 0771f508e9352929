import { describe, expect, it } from 'vitest';
import { spanOf, urgencyOf } from './countdown';
import { dueTime, durationText, holidayDay, hoursSummary } from './slaFormat';

const now = Date.parse('2026-06-02T15:00:00.000Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('the SLA countdown', () => {
  it('is calm before 75 % of the target, amber from there, red once due or breached, grey while paused', () => {
    expect(urgencyOf({ dueAt: at(40), warnAt: at(10) }, now)).toBe('calm');
    expect(urgencyOf({ dueAt: at(40), warnAt: at(0) }, now)).toBe('warning');
    expect(urgencyOf({ dueAt: at(0), warnAt: at(-30) }, now)).toBe('breached');
    expect(urgencyOf({ dueAt: at(90), breached: true }, now)).toBe('breached');
    expect(urgencyOf({ dueAt: at(90), breachedAt: at(-5) }, now)).toBe('breached');
    expect(urgencyOf({ dueAt: at(-10), paused: true }, now)).toBe('paused');
    expect(urgencyOf({ dueAt: null }, now)).toBe('none');
    // Without the warning instant, never amber.
    expect(urgencyOf({ dueAt: at(1) }, now)).toBe('calm');
  });

  it('says a span in the largest unit that fits', () => {
    expect(spanOf(35)).toEqual({ unit: 'minutes', count: 35 });
    expect(spanOf(0.2)).toEqual({ unit: 'minutes', count: 1 });
    expect(spanOf(125)).toEqual({ unit: 'hours', count: 2 });
    expect(spanOf(47 * 60 + 59)).toEqual({ unit: 'hours', count: 47 });
    expect(spanOf(3 * 1440 + 7)).toEqual({ unit: 'days', count: 3 });
  });
});

describe('the SLA texts', () => {
  const words = { everyDay: '24 horas, todos os dias', allDay: '24 horas' };
  const period = (start: string, end: string) => ({ start, end });

  it('sums a week up, Monday first, days with the same periods together', () => {
    const week = [[], ...[1, 2, 3, 4, 5].map(() => [period('08:00', '12:00'), period('13:00', '18:00')]), [period('08:00', '12:00')]];
    expect(hoursSummary(week, 'pt-BR', words)).toBe('seg.–sex. 08:00–12:00, 13:00–18:00 · sáb. 08:00–12:00');
    expect(hoursSummary([0, 1, 2, 3, 4, 5, 6].map(() => [period('00:00', '24:00')]), 'pt-BR', words)).toBe('24 horas, todos os dias');
  });

  it('writes due times, holidays and durations as people say them', () => {
    // Within a week: the weekday and the time, in the reader's zone ("ter., 14:00"); beyond it, the date too.
    expect(dueTime('2026-06-02T17:00:00.000Z', 'pt-BR', now)).toMatch(/^[a-zá]{3}\., \d\d:00$/);
    expect(dueTime('2026-06-20T17:00:00.000Z', 'pt-BR', now)).toMatch(/^\d\d\/06\/2026,? \d\d:00$/);
    expect(holidayDay('2026-02-17', 'pt-BR')).toBe('ter., 17/02');
    expect(durationText(90, { h: 'h', min: 'min' })).toBe('1 h 30 min');
    expect(durationText(240, { h: 'h', min: 'min' })).toBe('4 h');
  });
});
