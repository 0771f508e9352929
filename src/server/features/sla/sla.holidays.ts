import Holidays from 'date-holidays';
import ICAL from 'ical.js';

/** A holiday: its local date and its name. */
export type NamedHoliday = { date: string; name: string };
export type HolidayRegion = { country: string; state?: string | null; city?: string | null };
export type RegionChoice = { code: string; name: string };

/** Days off: public holidays, and the bank ones (Carnaval, Corpus Christi) every Brazilian office closes on. */
const daysOff = new Set(['public', 'bank']);
const languageOf = (language: string) => language.slice(0, 2);

/** The holidays of a country (and a state, a city) in a year, from date-holidays, in date order, one per date. */
export function holidaysOf(region: HolidayRegion, year: number, language = 'pt-BR'): NamedHoliday[] {
  const lang = languageOf(language);
  const options = { languages: [lang] };
  const source = region.state
    ? region.city
      ? new Holidays(region.country, region.state, region.city, options)
      : new Holidays(region.country, region.state, options)
    : new Holidays(region.country, options);
  const out = new Map<string, string>();
  for (const h of source.getHolidays(year, lang) || []) {
    if (!daysOff.has(h.type)) continue;
    const date = h.date.slice(0, 10);
    if (!out.has(date)) out.set(date, h.name);
  }
  return [...out].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The states (subdivisions) a calendar may add the holidays of. */
export function stateChoices(country = 'BR'): RegionChoice[] {
  return choices(new Holidays().getStates(country));
}

/** The cities of a state a calendar may add the holidays of. */
export function cityChoices(state: string, country = 'BR'): RegionChoice[] {
  return choices(new Holidays().getRegions(country, state));
}

function choices(names: Record<string, string> | undefined): RegionChoice[] {
  return Object.entries(names ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
}

/** An ICS file that is not a calendar. */
export class IcsError extends Error {}

const maxIcsDates = 2000;
/** How many years of a recurring event are expanded. */
const recurringYears = 10;

/**
 * The days of the events of an ICS file (each day of a multi-day event; recurring ones over ten
 * years from their start), in date order, one per date. Throws IcsError when the text is no calendar.
 */
export function parseIcsHolidays(text: string): NamedHoliday[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new IcsError('not an iCalendar file');
  }
  const out = new Map<string, string>();
  const add = (start: ICAL.Time, end: ICAL.Time | null, name: string) => {
    const first = toDate(start);
    const last = end ? toDate(end, !end.isDate || end.compare(start) <= 0 ? 0 : -1) : first;
    for (let day = first; day <= last && out.size < maxIcsDates; day = nextDay(day)) if (!out.has(day)) out.set(day, name);
  };
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    const name = (event.summary || '').trim().slice(0, 200);
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate, name);
      continue;
    }
    const until = event.startDate.year + recurringYears;
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.year < until && out.size < maxIcsDates; next = iterator.next()) {
      const occurrence = event.getOccurrenceDetails(next);
      add(occurrence.startDate, occurrence.endDate, name);
    }
  }
  return [...out].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The YYYY-MM-DD of an ICS time as written (a date-time's own day), shifted by days. */
function toDate(time: ICAL.Time, shift = 0): string {
  const day = new Date(Date.UTC(time.year, time.month - 1, time.day + shift));
  return day.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
