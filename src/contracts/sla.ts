import { z } from 'zod';

/** The clocks of a ticket: the first answer, the answer after each customer message, the solution. */
export const slaTargetKinds = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTargetKind = (typeof slaTargetKinds)[number];
export const slaStates = ['running', 'paused', 'met', 'breached'] as const;
export type SlaState = (typeof slaStates)[number];

/** One clock as agents see it. */
export const slaTargetView = z.object({
  target: z.enum(slaTargetKinds),
  cycle: z.number(),
  state: z.enum(slaStates),
  /** When the target falls due (the due time had it run on, for a paused clock: it moves on resume). */
  dueAt: z.string(),
  /** 75 % of the target: when the warning goes out. */
  warnAt: z.string(),
  startedAt: z.string(),
  targetMinutes: z.number(),
  pausedMinutes: z.number(),
  metAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
});
export type SlaTargetView = z.infer<typeof slaTargetView>;

/** The service level of a ticket for agents: the policy, every clock, the pauses. */
export const ticketSlaView = z.object({
  policy: z.object({ id: z.number(), name: z.string() }).nullable(),
  calendar: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }).nullable(),
  targets: z.array(slaTargetView),
  pauses: z.array(z.object({ startedAt: z.string(), endedAt: z.string().nullable(), /** The ticket status that stopped the clocks. */ status: z.string() })),
});
export type TicketSlaView = z.infer<typeof ticketSlaView>;

/** What a customer sees: only when the first response is expected, while it is pending. */
export const customerSlaView = z.object({
  firstResponseDueAt: z.string().nullable(),
});
export type CustomerSlaView = z.infer<typeof customerSlaView>;

/** A list row's next due time: the earliest running clock, its warning time, and whether a target is breached. */
export const slaRowView = z.object({
  dueAt: z.string().nullable(),
  /** When that clock reaches 75 % of its target (amber from then on). */
  warnAt: z.string().nullable(),
  /** The oldest breach not yet met. */
  breachedAt: z.string().nullable(),
  breached: z.boolean(),
});
export type SlaRowView = z.infer<typeof slaRowView>;
