import { describe, expect, it } from 'vitest';
import { cityChoices, holidaysOf, IcsError, parseIcsHolidays, stateChoices } from './sla.holidays';

const datesOf = (region: Parameters<typeof holidaysOf>[0], year: number) => holidaysOf(region, year).map((h) => h.date);

describe('Brazilian holidays from date-holidays', () => {
  it.each([
    ['2026-01-01', 'Ano Novo'],
    ['2026-02-16', 'Carnaval'],
    ['2026-02-17', 'Carnaval'],
    ['2026-04-03', 'Sexta-Feira Santa'],
    ['2026-04-21', 'Tiradentes'],
    ['2026-05-01', 'trabalhador'],
    ['2026-06-04', ''],
    ['2026-09-07', 'Independência'],
    ['2026-10-12', 'Aparecida'],
    ['2026-11-02', 'Finados'],
    ['2026-11-15', 'República'],
    ['2026-11-20', 'Consciência Negra'],
    ['2026-12-25', 'Natal'],
    ['2027-02-08', 'Carnaval'],
    ['2027-02-09', 'Carnaval'],
    ['2027-03-26', 'Sexta-Feira Santa'],
    ['2027-05-27', ''],
  ])('%s is a national holiday (%s)', (date, name) => {
    const found = holidaysOf({ country: 'BR' }, Number(date.slice(0, 4))).find((h) => h.date === date);
    expect(found?.name).toContain(name);
  });

  it('leaves out optional days and observances (Ash Wednesday, Easter Sunday, Mother’s Day)', () => {
    const dates = datesOf({ country: 'BR' }, 2026);
    for (const date of ['2026-02-18', '2026-04-05', '2026-05-10', '2026-12-24']) expect(dates).not.toContain(date);
  });

  it('adds the state of São Paulo (9 July) and the city (25 January) only when asked', () => {
    expect(datesOf({ country: 'BR' }, 2026)).not.toContain('2026-07-09');
    expect(datesOf({ country: 'BR', state: 'SP' }, 2026)).toContain('2026-07-09');
    expect(datesOf({ country: 'BR', state: 'SP' }, 2027)).not.toContain('2027-01-25');
    expect(datesOf({ country: 'BR', state: 'SP', city: 'SP' }, 2027)).toContain('2027-01-25');
    expect(datesOf({ country: 'BR', state: 'SP', city: 'SP' }, 2026)).toContain('2026-01-25');
  });

  it('names holidays in the language asked', () => {
    expect(holidaysOf({ country: 'BR' }, 2026, 'en').find((h) => h.date === '2026-04-03')?.name).toBe('Good Friday');
  });

  it('offers the states and their cities', () => {
    expect(stateChoices()).toContainEqual({ code: 'SP', name: 'São Paulo' });
    expect(stateChoices()).toHaveLength(27);
    expect(cityChoices('SP')).toContainEqual({ code: 'SP', name: 'São Paulo' });
    expect(cityChoices('AC')).toEqual([]);
  });
});

describe('ICS import', () => {
  const ics = (events: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${events}END:VCALENDAR\r\n`;

  it('reads all-day events, each day of a multi-day one, and recurring ones', () => {
    const text = ics(
      'BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Recesso\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20260310\r\nSUMMARY:Aniversário da empresa\r\nRRULE:FREQ=YEARLY;COUNT=2\r\nEND:VEVENT\r\n',
    );
    expect(parseIcsHolidays(text)).toEqual([
      { date: '2026-03-10', name: 'Aniversário da empresa' },
      { date: '2026-12-24', name: 'Recesso' },
      { date: '2026-12-25', name: 'Recesso' },
      { date: '2027-03-10', name: 'Aniversário da empresa' },
    ]);
  });

  it('refuses what is not a calendar', () => {
    expect(() => parseIcsHolidays('hello')).toThrow(IcsError);
  });
});
