import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Level } from '../../../contracts/criticality';
import { holidayScopes, type calendarInput, type CalendarView, type HolidayListView, type policyInput, type PolicyView } from '../../../contracts/sla-admin';
import { iso, now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { AppError, invalidFields, notFound, type FieldMessage } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { audit } from '../audit/audit.service';
import { cityChoices, holidaysOf, stateChoices } from './sla.holidays';
import { bumpSlaVersion } from './sla.setup';
import type { SlaCalendarTable, SlaPolicyTable } from './sla.tables';

type CalendarInput = z.output<typeof calendarInput>;
type PolicyInput = z.output<typeof policyInput>;
/** The database or the caller's transaction. */
type Db = Kysely<Database>;

/** 409 for a record changed (or gone) since the revision its editor saw; `revision` is the current one. */
export const stale = (revision?: number) => new AppError('conflict', 'slaAdmin.conflict', { details: revision === undefined ? {} : { revision } });

/** A calendar's row, own holidays and the number of policies counting on it, as the editor reads them. */
export async function presentCalendars(db: Db, id?: number): Promise<CalendarView[]> {
  const rows = await db.selectFrom('sla_calendar').selectAll().$if(id !== undefined, (q) => q.where('id', '=', id!)).orderBy('name').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [holidays, uses] = await Promise.all([
    db.selectFrom('sla_calendar_holiday').select(['calendar_id', 'date', 'name', 'source']).where('calendar_id', 'in', ids).orderBy('date').execute(),
    db.selectFrom('sla_policy').select((eb) => ['calendar_id', eb.fn.countAll<number>().as('n')]).where('calendar_id', 'in', ids).groupBy('calendar_id').execute(),
  ]);
  return rows.map((row) => presentCalendar(row, holidays.filter((h) => h.calendar_id === row.id), Number(uses.find((u) => u.calendar_id === row.id)?.n ?? 0)));
}

function presentCalendar(row: Selectable<SlaCalendarTable>, holidays: { date: string; name: string; source: string }[], policies: number): CalendarView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    hours: JSON.parse(row.hours) as CalendarView['hours'],
    holidayCountry: row.holiday_country ?? 'BR',
    holidayState: row.holiday_state,
    holidayCity: row.holiday_city,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, source: h.source === 'ics' ? 'ics' : 'manual' })),
    policies,
    revision: row.revision,
    updatedAt: iso(row.updated_at),
  };
}

/** The state and city must be among the library's choices (a city only with its state). */
function checkRegion(input: Pick<CalendarInput, 'holidayState' | 'holidayCity'>) {
  const fields: Record<string, FieldMessage> = {};
  const { holidayState: state, holidayCity: city } = input;
  if (state && !stateChoices().some((s) => s.code === state)) fields.holidayState = 'validation.notInList';
  else if (city && (!state || !cityChoices(state).some((c) => c.code === city))) fields.holidayCity = 'validation.notInList';
  if (Object.keys(fields).length) throw invalidFields(fields);
}

/** A duplicate calendar name becomes a message on the name, not a 500. */
export function uniqueName(error: unknown): never {
  if (error instanceof Error && /unique|duplicate key/i.test(error.message)) throw invalidFields({ name: 'validation.duplicate' });
  throw error;
}

const calendarColumns = (input: CalendarInput) => ({
  name: input.name,
  time_zone: input.timeZone,
  hours: JSON.stringify(input.hours),
  holiday_state: input.holidayState || null,
  holiday_city: (input.holidayState && input.holidayCity) || null,
});

async function writeHolidays(db: Db, calendarId: number, holidays: CalendarInput['holidays']) {
  await db.deleteFrom('sla_calendar_holiday').where('calendar_id', '=', calendarId).execute();
  for (let at = 0; at < holidays.length; at += 200) {
    const batch = holidays.slice(at, at + 200).map((h) => ({ calendar_id: calendarId, date: h.date, name: h.name, source: h.source }));
    if (batch.length) await db.insertInto('sla_calendar_holiday').values(batch).execute();
  }
}

/** Creates a calendar with its own holidays, in the caller's transaction. */
export async function createCalendar(trx: Db, actor: Actor, input: CalendarInput): Promise<number> {
  checkRegion(input);
  const row = await trx
    .insertInto('sla_calendar')
    .values({ ...calendarColumns(input), holiday_country: 'BR', revision: 1, created_at: now(), updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeHolidays(trx, row.id, input.holidays);
  await bumpSlaVersion(trx);
  await audit(trx, { actorId: actor.id, action: 'sla.calendar.created', targetType: 'sla_calendar', targetId: row.id, after: input });
  return row.id;
}

/** Replaces a calendar from the revision its editor saw (409 when stale), in the caller's transaction. */
export async function updateCalendar(trx: Db, actor: Actor, id: number, input: CalendarInput & { revision: number }): Promise<void> {
  checkRegion(input);
  const [before] = await presentCalendars(trx, id);
  if (!before) throw notFound();
  const updated = await trx
    .updateTable('sla_calendar')
    .set((eb) => ({ ...calendarColumns(input), revision: eb('revision', '+', 1), updated_at: now() }))
    .where('id', '=', id)
    .where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw stale(before.revision);
  await writeHolidays(trx, id, input.holidays);
  await bumpSlaVersion(trx);
  const { revision: _seen, ...after } = input;
  await audit(trx, { actorId: actor.id, action: 'sla.calendar.updated', targetType: 'sla_calendar', targetId: id, before: withoutMeta(before), after });
}

/** Deletes a calendar no policy counts on, from the revision its editor saw. */
export async function deleteCalendar(trx: Db, actor: Actor, id: number, revision: number): Promise<void> {
  const [before] = await presentCalendars(trx, id);
  if (!before) throw notFound();
  const used = await trx.selectFrom('sla_policy').select('id').where('calendar_id', '=', id).executeTakeFirst();
  if (used) throw new AppError('conflict', 'slaAdmin.calendarInUse');
  const deleted = await trx.deleteFrom('sla_calendar').where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw stale(before.revision);
  await bumpSlaVersion(trx);
  await audit(trx, { actorId: actor.id, action: 'sla.calendar.deleted', targetType: 'sla_calendar', targetId: id, before: withoutMeta(before) });
}

const withoutMeta = <T extends { revision: number; updatedAt: string; id: number }>(view: T) => {
  const { revision: _r, updatedAt: _u, id: _i, ...rest } = view;
  return rest;
};

/** The library's holidays of a year for a state and city, each marked by where it comes from. */
export function holidaysWithScope(year: number, state?: string, city?: string): HolidayListView {
  const national = holidaysOf({ country: 'BR' }, year);
  const ofState = state ? holidaysOf({ country: 'BR', state }, year) : [];
  const ofCity = state && city ? holidaysOf({ country: 'BR', state, city }, year) : [];
  const byDate = new Map<string, { date: string; name: string; scope: (typeof holidayScopes)[number] }>();
  for (const h of national) byDate.set(h.date, { ...h, scope: 'national' });
  for (const h of ofState) if (!byDate.has(h.date)) byDate.set(h.date, { ...h, scope: 'state' });
  for (const h of ofCity) if (!byDate.has(h.date)) byDate.set(h.date, { ...h, scope: 'city' });
  return { year, holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** The policies in the order they are tried. */
export async function presentPolicies(db: Db, id?: number): Promise<PolicyView[]> {
  const rows = await db.selectFrom('sla_policy').selectAll().$if(id !== undefined, (q) => q.where('id', '=', id!)).orderBy('position').orderBy('id').execute();
  return rows.map(presentPolicy);
}

function presentPolicy(row: Selectable<SlaPolicyTable>): PolicyView {
  const match = JSON.parse(row.match) as Partial<PolicyView['match']>;
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: Boolean(row.active),
    calendarId: row.calendar_id,
    match: {
      serviceLineIds: match.serviceLineIds ?? [],
      channelIds: match.channelIds ?? [],
      categoryIds: match.categoryIds ?? [],
      companyIds: match.companyIds ?? [],
      supportTiers: match.supportTiers ?? [],
      criticalities: match.criticalities ?? [],
    },
    targets: JSON.parse(row.targets) as Record<Level, PolicyView['targets'][Level]>,
    pauseOnHold: Boolean(row.pause_on_hold),
    revision: row.revision,
    updatedAt: iso(row.updated_at),
  };
}

/** The calendar and every id a rule names must exist: a 400 on the field otherwise. */
async function checkReferences(db: Db, input: PolicyInput) {
  const fields: Record<string, FieldMessage> = {};
  if (!(await db.selectFrom('sla_calendar').select('id').where('id', '=', input.calendarId).executeTakeFirst())) fields.calendarId = 'validation.notInList';
  const lists = [
    ['serviceLineIds', 'service_line'],
    ['channelIds', 'channel'],
    ['categoryIds', 'category'],
    ['companyIds', 'company'],
  ] as const;
  for (const [field, table] of lists) {
    const ids = [...new Set(input.match[field] ?? [])];
    if (!ids.length) continue;
    const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    if (found.length !== ids.length) fields[`match.${field}`] = 'validation.notInList';
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
}

/** A rule's lists without repeats, and without the empty ones (empty means any). */
function matchColumn(match: PolicyInput['match']) {
  return JSON.stringify(Object.fromEntries(Object.entries(match).filter(([, list]) => list?.length).map(([k, list]) => [k, [...new Set<unknown>(list)]])));
}

const policyColumns = (input: PolicyInput) => ({
  name: input.name,
  active: input.active,
  calendar_id: input.calendarId,
  match: matchColumn(input.match),
  targets: JSON.stringify(input.targets),
  pause_on_hold: input.pauseOnHold,
});

/** Adds a policy at the end of the list, in the caller's transaction. */
export async function createPolicy(trx: Db, actor: Actor, input: PolicyInput): Promise<number> {
  await checkReferences(trx, input);
  const last = await trx.selectFrom('sla_policy').select((eb) => eb.fn.max('position').as('position')).executeTakeFirst();
  const row = await trx
    .insertInto('sla_policy')
    .values({ ...policyColumns(input), position: Number(last?.position ?? 0) + 10, revision: 1, created_at: now(), updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpSlaVersion(trx);
  await audit(trx, { actorId: actor.id, action: 'sla.policy.created', targetType: 'sla_policy', targetId: row.id, after: input });
  return row.id;
}

/** Replaces a policy from the revision its editor saw (409 when stale), in the caller's transaction. */
export async function updatePolicy(trx: Db, actor: Actor, id: number, input: PolicyInput & { revision: number }): Promise<void> {
  const [before] = await presentPolicies(trx, id);
  if (!before) throw notFound();
  await checkReferences(trx, input);
  const updated = await trx
    .updateTable('sla_policy')
    .set((eb) => ({ ...policyColumns(input), revision: eb('revision', '+', 1), updated_at: now() }))
    .where('id', '=', id)
    .where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw stale(before.revision);
  await bumpSlaVersion(trx);
  const { revision: _seen, ...after } = input;
  const { position: _p, ...shown } = withoutMeta(before);
  await audit(trx, { actorId: actor.id, action: 'sla.policy.updated', targetType: 'sla_policy', targetId: id, before: shown, after });
}

/**
 * Puts the policies in a new order: the list must hold every policy once, each at the revision its
 * editor saw; each one that moves is a conditional update, so a change meanwhile is a 409 for all.
 */
export async function reorderPolicies(trx: Db, actor: Actor, order: { id: number; revision: number }[]): Promise<void> {
  const current = await presentPolicies(trx);
  const ids = order.map((p) => p.id);
  if (new Set(ids).size !== ids.length || ids.length !== current.length || !current.every((p) => ids.includes(p.id))) {
    throw invalidFields({ policies: 'validation.orderOfSiblings' });
  }
  for (const [index, seen] of order.entries()) {
    const position = (index + 1) * 10;
    const updated = await trx
      .updateTable('sla_policy')
      .set((eb) => ({ position, revision: eb('revision', '+', 1), updated_at: now() }))
      .where('id', '=', seen.id)
      .where('revision', '=', seen.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw stale();
  }
  await bumpSlaVersion(trx);
  const moved = current.find((p, index) => order[index]!.id !== p.id) ?? current[0]!;
  const name = (id: number) => current.find((p) => p.id === id)!.name;
  await audit(trx, { actorId: actor.id, action: 'sla.policy.reordered', targetType: 'sla_policy', targetId: moved.id, before: { order: current.map((p) => p.name) }, after: { order: ids.map(name) } });
}
