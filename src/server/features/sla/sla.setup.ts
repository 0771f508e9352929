import type { Kysely } from 'kysely';
import type { BusinessCalendar, WeekHours } from '../../../contracts/calendar';
import type { Level } from '../../../contracts/criticality';
import type { SlaTargetKind } from '../../../contracts/sla';
import type { Database } from '../../db/schema';
import { holidaysOf } from './sla.holidays';

/** What a policy matches on; a missing or empty list matches anything. */
export type SlaMatch = {
  serviceLineIds?: number[];
  channelIds?: number[];
  categoryIds?: number[];
  companyIds?: number[];
  supportTiers?: string[];
  criticalities?: Level[];
};
/** Business minutes per target; null: no target of that kind. */
export type SlaTargetMinutes = { firstResponse: number | null; nextResponse: number | null; resolution: number | null };
/** A policy's targets per criticality; a missing criticality has no targets. */
export type SlaTargets = Partial<Record<Level, SlaTargetMinutes>>;

export type SlaPolicy = {
  id: number;
  name: string;
  calendarId: number;
  match: SlaMatch;
  targets: SlaTargets;
  pauseOnHold: boolean;
};
export type SlaCalendarSetup = { id: number; name: string; calendar: BusinessCalendar };

/** Calendars and active policies (in order) as of one setup version. */
export type SlaSetup = { version: number; policies: SlaPolicy[]; calendars: Map<number, SlaCalendarSetup> };

/** What a policy's rules look at on a ticket. */
export type TicketFacts = {
  serviceLineId: number;
  channelId: number;
  categoryId: number;
  companyId: number;
  supportTier: string | null;
  criticality: Level;
};

/** Which key of SlaTargetMinutes each target kind reads. */
export const targetKey: Record<SlaTargetKind, keyof SlaTargetMinutes> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  resolution: 'resolution',
};

/**
 * Marks every calendar and policy as changed, in the caller's transaction: each process reloads
 * its setup, and the background job recomputes the open tickets' clocks of older versions. Call
 * it in the same transaction as every administrative edit of calendars, policies, company tiers.
 */
export async function bumpSlaVersion(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .updateTable('sla_setup')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The current setup version (one row read, cheap enough to check before every use). */
export async function slaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sla_setup').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

/** The first active policy (in order) whose rules all match the ticket. */
export function matchPolicy(policies: readonly SlaPolicy[], facts: TicketFacts): SlaPolicy | undefined {
  const fits = <T>(list: readonly T[] | undefined, value: T) => !list || list.length === 0 || list.includes(value);
  return policies.find(
    ({ match: m }) =>
      fits(m.serviceLineIds, facts.serviceLineId) &&
      fits(m.channelIds, facts.channelId) &&
      fits(m.categoryIds, facts.categoryId) &&
      fits(m.companyIds, facts.companyId) &&
      (!m.supportTiers?.length || (facts.supportTier !== null && m.supportTiers.includes(facts.supportTier))) &&
      fits(m.criticalities, facts.criticality),
  );
}

/** Holidays of public calendars are read for these years around now (a clock rarely spans more). */
const yearsAround = [-1, 0, 1, 2];

const cache = new WeakMap<Kysely<Database>, SlaSetup>();
const publicHolidays = new Map<string, string[]>();

/** The dates of a region's public holidays in a year, computed once per process (date-holidays takes milliseconds). */
function publicHolidayDates(country: string, state: string | null, city: string | null, year: number): string[] {
  const key = [country, state, city, year].join('|');
  let dates = publicHolidays.get(key);
  if (!dates) publicHolidays.set(key, (dates = holidaysOf({ country, state, city }, year).map((h) => h.date)));
  return dates;
}

/**
 * The setup as of the current version: read again only after an edit bumped it (any process's).
 * Cached per handle: pass the database, not a transaction, where the setup is read often.
 */
export async function loadSlaSetup(db: Kysely<Database>): Promise<SlaSetup> {
  const version = await slaVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached;
  const setup = await readSetup(db, version);
  cache.set(db, setup);
  return setup;
}

async function readSetup(db: Kysely<Database>, version: number): Promise<SlaSetup> {
  const [calendarRows, holidayRows, policyRows] = await Promise.all([
    db.selectFrom('sla_calendar').selectAll().execute(),
    db.selectFrom('sla_calendar_holiday').select(['calendar_id', 'date']).execute(),
    db.selectFrom('sla_policy').selectAll().where('active', '=', true).orderBy('position').orderBy('id').execute(),
  ]);
  const year = new Date().getUTCFullYear();
  const calendars = new Map<number, SlaCalendarSetup>();
  for (const row of calendarRows) {
    const holidays = new Set<string>();
    if (row.holiday_country) {
      for (const offset of yearsAround) {
        for (const date of publicHolidayDates(row.holiday_country, row.holiday_state, row.holiday_city, year + offset)) holidays.add(date);
      }
    }
    for (const h of holidayRows) if (h.calendar_id === row.id) holidays.add(h.date);
    calendars.set(row.id, { id: row.id, name: row.name, calendar: { timeZone: row.time_zone, hours: JSON.parse(row.hours) as WeekHours, holidays } });
  }
  const policies = policyRows.map(
    (row): SlaPolicy => ({
      id: row.id,
      name: row.name,
      calendarId: row.calendar_id,
      match: JSON.parse(row.match) as SlaMatch,
      targets: JSON.parse(row.targets) as SlaTargets,
      pauseOnHold: Boolean(row.pause_on_hold),
    }),
  );
  return { version, policies, calendars };
}
