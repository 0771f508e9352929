import { z } from 'zod';
import { maxRowId, revisionInput as revision } from './ids';
import { ticketStatuses } from './tickets';
import { text } from './validation';

const ticketNumber = z.number({ error: 'validation.required' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }).max(maxRowId, { error: 'validation.invalid' });

/** Merge this ticket (a duplicate) into another of the same company. */
export const mergeInput = z.object({ revision, targetNumber: ticketNumber });
export type MergeInput = z.input<typeof mergeInput>;

/** Link this ticket to another: as related, or as an incident of that problem. */
export const linkInput = z.object({ revision, number: ticketNumber, kind: z.enum(['related', 'problem']).default('related') });
export type LinkInput = z.input<typeof linkInput>;

export const maxIncidentsAtOnce = 100;

/** Incidents linked to this problem at once, by number. */
export const incidentsInput = z.object({
  numbers: z.array(ticketNumber, { error: 'validation.invalid' }).min(1, { error: 'validation.required' }).max(maxIncidentsAtOnce, { error: 'validation.itemsMax' }),
});
export type IncidentsInput = z.input<typeof incidentsInput>;

/** One public reply sent on the problem and on each of its open incidents. */
export const replyAllInput = z.object({ body: text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(100_000, { error: 'validation.tooLong' }) });

/** A linked ticket as an agent who may read it sees it. */
export const linkedTicketView = z.object({
  number: z.number(),
  summary: z.string(),
  status: z.enum(ticketStatuses),
  company: z.object({ id: z.number(), name: z.string() }),
});
export type LinkedTicketView = z.infer<typeof linkedTicketView>;

/** The links of a ticket the reader may follow: tickets they cannot read are left out, and customers see none. */
export const ticketLinksView = z.object({
  related: z.array(linkedTicketView),
  /** The problem this ticket is an incident of. */
  problem: linkedTicketView.nullable(),
  incidents: z.array(linkedTicketView),
});
export type TicketLinksView = z.infer<typeof ticketLinksView>;

/** What an action over many tickets did to each: done, or refused and why (in the caller's language). */
export const rowOutcomes = z.object({
  results: z.array(z.object({ number: z.number(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
});
export type RowOutcomes = z.infer<typeof rowOutcomes>;
