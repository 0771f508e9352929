import { z } from 'zod';
import { levels } from './criticality';

export const ticketStatuses = ['new', 'in_progress', 'waiting_customer', 'on_hold', 'solution_proposed', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const maxAdditionalEmails = 10;
export const maxSummary = 200;
export const maxIncident = 100_000;

const id = z.number({ error: 'validation.required' }).int().positive({ error: 'validation.required' });
const required = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

/**
 * The ticket form (product.md §3), the same in the browser and on the server. Which lists a
 * service line uses, entitlement and rights are checked by the server against the catalog.
 */
export const openTicketInput = z.object({
  serviceLineId: id,
  /** The company the ticket is for: needed when the requester belongs to several, or on behalf. */
  companyId: id.optional(),
  /** Agents only: open for a customer's contact, who becomes the requester. */
  onBehalf: z.boolean().default(false),
  requesterId: z.string().max(100).optional(),
  additionalEmails: z
    .array(z.email({ error: 'validation.email' }).max(254).toLowerCase(), { error: 'validation.invalid' })
    .max(maxAdditionalEmails, { error: 'validation.tooManyEmails' })
    .default([]),
  country: z.string({ error: 'validation.country' }).regex(/^[A-Z]{2}$/, { error: 'validation.country' }),
  categoryId: id,
  originId: id,
  effectId: id,
  moduleId: id,
  routineId: id,
  versionId: id.nullable().optional(),
  environmentId: id.nullable().optional(),
  summary: required(maxSummary),
  incident: required(maxIncident),
});
export type OpenTicketInput = z.input<typeof openTicketInput>;

const named = z.object({ id: z.number(), name: z.string() });

export const criticalityView = z.object({
  level: z.enum(levels),
  /** The reason in the caller's language. */
  reason: z.string(),
});

export const ticketSummaryView = z.object({
  number: z.number(),
  summary: z.string(),
  status: z.enum(ticketStatuses),
  criticality: z.enum(levels),
  serviceLine: z.object({ id: z.number(), code: z.string(), name: z.string(), channelKey: z.string() }),
  company: named,
  requester: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketSummaryView = z.infer<typeof ticketSummaryView>;

export const ticketEventView = z.object({
  id: z.number(),
  kind: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  field: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  createdAt: z.string(),
});

export const ticketView = ticketSummaryView.extend({
  country: z.string(),
  category: named,
  origin: named,
  effect: named,
  module: named,
  routine: named,
  version: named.nullable(),
  environment: named.nullable(),
  incident: z.string(),
  criticalityReason: z.string(),
  openedBy: z.object({ id: z.string(), name: z.string() }),
  copies: z.array(z.string()),
  history: z.array(ticketEventView),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketListQuery = z.object({
  channel: z.string().max(40).optional(),
  serviceLineId: z.coerce.number().int().positive().optional(),
  status: z.enum(ticketStatuses).optional(),
  from: z.iso.date({ error: 'validation.date' }).optional(),
  to: z.iso.date({ error: 'validation.date' }).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['updated', 'created', 'number']).default('updated'),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

export const ticketList = z.object({
  tickets: z.array(ticketSummaryView),
  nextCursor: z.string().nullable(),
});
export type TicketList = z.infer<typeof ticketList>;

export const openedTicket = z.object({ number: z.number() });
