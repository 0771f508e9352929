import { z } from 'zod';
import { levels, type Level } from './criticality';
import { rowId } from './ids';
import { isTimeZone } from './time';
import { text } from './validation';

/** A wall-clock time of a business period: 00:00 … 23:59, and 24:00 for the end of the day. */
const clockTimePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Whether a text is an 'HH:MM' time of a period. */
export const isClockTime = (time: string) => clockTimePattern.test(time);

/** Minutes since midnight of an 'HH:MM' time ('24:00' is 1440). */
export const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const clockTime = text({ error: 'validation.required' }).trim().regex(clockTimePattern, { error: 'validation.clockTime' });
const name = text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' });

/** One business period of a day, 08:00–12:00; it ends after it starts (a night shift is two days' periods). */
export const periodInput = z
  .object({ start: clockTime, end: clockTime })
  .refine((p) => !isClockTime(p.start) || !isClockTime(p.end) || minutesOfDay(p.end) > minutesOfDay(p.start), { error: 'validation.periodOrder', path: ['end'] });

/** Most periods in one day. */
export const maxPeriodsPerDay = 8;

/** A day's periods, none overlapping another (touching ones, 12:00–12:00, are fine). */
export const dayHoursInput = z
  .array(periodInput)
  .max(maxPeriodsPerDay)
  .superRefine((periods, ctx) => {
    const valid = periods.map((p, index) => ({ index, start: minutesOfDay(p.start), end: minutesOfDay(p.end) })).filter((p) => p.end > p.start);
    for (const p of valid) {
      const other = valid.find((q) => q.index < p.index && q.start < p.end && p.start < q.end);
      if (other) ctx.addIssue({ code: 'custom', message: 'validation.periodsOverlap', path: [p.index, 'start'] });
    }
  });

/** Sunday (0) … Saturday (6), each with its periods; an empty day has no business hours. */
export const weekHoursInput = z.array(dayHoursInput).length(7);
export type WeekHoursInput = z.infer<typeof weekHoursInput>;

/** A calendar's own holidays: company closures typed by hand, or days imported from an ICS file. */
export const holidaySources = ['manual', 'ics'] as const;
export type HolidaySource = (typeof holidaySources)[number];

const day = z.iso.date({ error: 'validation.date' });
export const ownHolidayInput = z.object({ date: day, name, source: z.enum(holidaySources).default('manual') });

/** Most own holidays of a calendar (several years of closures and imports). */
export const maxOwnHolidays = 2000;

export const calendarInput = z.object({
  name,
  timeZone: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).refine(isTimeZone, { error: 'validation.timeZone' }),
  hours: weekHoursInput,
  /** The library's holidays of this Brazilian state ('SP') and city ('SP-SAO'), beside the national ones; null for none. */
  holidayState: text().trim().max(10).nullable().default(null),
  holidayCity: text().trim().max(40).nullable().default(null),
  holidays: z
    .array(ownHolidayInput)
    .max(maxOwnHolidays)
    .default([])
    .superRefine((holidays, ctx) => {
      const seen = new Set<string>();
      holidays.forEach((h, index) => {
        if (seen.has(h.date)) ctx.addIssue({ code: 'custom', message: 'validation.duplicateDate', path: [index, 'date'] });
        seen.add(h.date);
      });
    }),
});
export type CalendarInput = z.input<typeof calendarInput>;

/** An edit names the revision it started from; a stale one is a 409. */
const revision = z.number().int().min(0).max(2_000_000_000);
export const calendarUpdate = calendarInput.extend({ revision });

const periodView = z.object({ start: z.string(), end: z.string() });
export const calendarView = z.object({
  id: z.number(),
  name: z.string(),
  timeZone: z.string(),
  hours: z.array(z.array(periodView)),
  holidayCountry: z.string(),
  holidayState: z.string().nullable(),
  holidayCity: z.string().nullable(),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), source: z.enum(holidaySources) })),
  /** How many policies count on it: a calendar in use cannot be deleted. */
  policies: z.number(),
  revision: z.number(),
  updatedAt: z.string(),
});
export type CalendarView = z.infer<typeof calendarView>;

/** The library's holidays of a year for a state and a city, as a calendar would count them. */
export const holidaysQuery = z.object({
  year: z.coerce.number().int().min(1970).max(2200),
  state: text().trim().max(10).optional(),
  city: text().trim().max(40).optional(),
});
export const holidayScopes = ['national', 'state', 'city'] as const;
export const holidayListView = z.object({
  year: z.number(),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), scope: z.enum(holidayScopes) })),
});
export type HolidayListView = z.infer<typeof holidayListView>;

/** The Brazilian states and the cities of each that the holiday library knows. */
export const regionsView = z.object({
  states: z.array(z.object({ code: z.string(), name: z.string(), cities: z.array(z.object({ code: z.string(), name: z.string() })) })),
});
export type RegionsView = z.infer<typeof regionsView>;

/** Largest ICS file read, in characters. */
export const maxIcsLength = 800_000;
/** An ICS file's text, read into a list of days the form then adds to the calendar's own holidays. */
export const icsInput = z.object({ text: text().max(maxIcsLength, { error: 'validation.tooLong' }) });
export const icsView = z.object({ holidays: z.array(z.object({ date: z.string(), name: z.string() })) });

/** Business minutes of a target; null sets none. At most a year of minutes. */
const targetMinutes = z.number().int({ error: 'validation.wholeNumber' }).min(1).max(525_600).nullable();
export const slaTargetFields = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTargetField = (typeof slaTargetFields)[number];
export const levelTargetsInput = z.object({ firstResponse: targetMinutes, nextResponse: targetMinutes, resolution: targetMinutes });
export type LevelTargets = z.infer<typeof levelTargetsInput>;
/** The targets of every criticality. */
export const policyTargetsInput = z.object(Object.fromEntries(levels.map((level) => [level, levelTargetsInput])) as Record<Level, typeof levelTargetsInput>);
export type PolicyTargets = z.infer<typeof policyTargetsInput>;

const ids = z.array(rowId).max(500);
/** A support tier of companies ("Premium"): a policy may apply to a tier instead of naming companies. */
export const supportTier = text().trim().min(1, { error: 'validation.required' }).max(40, { error: 'validation.tooLong' });

/** What a ticket must be for the rule to apply; an empty list (or none) matches anything. */
export const policyMatchInput = z.object({
  serviceLineIds: ids.optional(),
  channelIds: ids.optional(),
  categoryIds: ids.optional(),
  companyIds: ids.optional(),
  supportTiers: z.array(supportTier).max(50).optional(),
  criticalities: z.array(z.enum(levels)).max(levels.length).optional(),
});
export type PolicyMatch = z.infer<typeof policyMatchInput>;

export const policyInput = z.object({
  name,
  active: z.boolean().default(true),
  calendarId: rowId,
  match: policyMatchInput.default({}),
  targets: policyTargetsInput,
  /** Whether the clock stops in Em espera too (it always stops while waiting on the customer). */
  pauseOnHold: z.boolean().default(false),
});
export type PolicyInput = z.input<typeof policyInput>;
export const policyUpdate = policyInput.extend({ revision });

export const policyView = z.object({
  id: z.number(),
  name: z.string(),
  position: z.number(),
  active: z.boolean(),
  calendarId: z.number(),
  match: z.object({
    serviceLineIds: z.array(z.number()),
    channelIds: z.array(z.number()),
    categoryIds: z.array(z.number()),
    companyIds: z.array(z.number()),
    supportTiers: z.array(z.string()),
    criticalities: z.array(z.enum(levels)),
  }),
  targets: z.record(z.enum(levels), z.object({ firstResponse: z.number().nullable(), nextResponse: z.number().nullable(), resolution: z.number().nullable() })),
  pauseOnHold: z.boolean(),
  revision: z.number(),
  updatedAt: z.string(),
});
export type PolicyView = z.infer<typeof policyView>;

/** The rules in their new order: every policy once, each with the revision seen. */
export const policyOrderInput = z.object({ policies: z.array(z.object({ id: rowId, revision })).min(1).max(500) });

/** "A ticket opened now would be due …": the targets of one criticality, on a calendar, from an instant (now unless told). */
export const previewInput = z.object({ calendarId: rowId, targets: levelTargetsInput, at: z.iso.datetime({ error: 'validation.date' }).optional() });
export const previewView = z.object({
  at: z.string(),
  firstResponse: z.string().nullable(),
  nextResponse: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type PreviewView = z.infer<typeof previewView>;

/** A company's support tier, set from the tier the editor saw (`previous`): someone else's change meanwhile is a 409. */
export const supportTierInput = z.object({ supportTier: supportTier.nullable(), previous: text().max(40, { error: 'validation.tooLong' }).nullable() });
export const supportTiersView = z.object({
  companies: z.array(z.object({ id: z.number(), name: z.string(), supportTier: z.string().nullable() })),
  /** Every tier in use, for the choices. */
  tiers: z.array(z.string()),
});
export type SupportTiersView = z.infer<typeof supportTiersView>;

/** A group's escalation contacts (agents told at a breach), replacing those the editor saw (`previous`). */
export const escalationInput = z.object({ personIds: z.array(text().max(100)).max(50), previous: z.array(text().max(100)).max(50) });
export const escalationView = z.object({ groups: z.array(z.object({ id: z.number(), name: z.string(), contactIds: z.array(z.string()) })) });
export type EscalationView = z.infer<typeof escalationView>;
