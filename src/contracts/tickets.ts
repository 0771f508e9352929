import { z } from 'zod';
import { levels } from './criticality';
import { isCountryCode } from './countries';
import { isDayInRange, isTimeZone } from './time';
import { maxRowId, revisionInput, rowIdParam } from './ids';
import { conflictBody } from './errors';
import { text } from './validation';
import { customerSlaView, slaRowView, ticketSlaView } from './sla';
import { assigneeFilter, builtInViews, maxFilterItems, tagName } from './views';

export const ticketStatuses = ['new', 'in_progress', 'waiting_customer', 'on_hold', 'solution_proposed', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const maxAdditionalEmails = 10;
export const maxSummary = 200;
export const maxIncident = 100_000;

const id = z.number({ error: 'validation.required' }).int().positive({ error: 'validation.required' }).max(maxRowId);
const required = (max: number) =>
  text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

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
  requesterId: text().max(100).optional(),
  additionalEmails: z
    .array(text().pipe(z.email({ error: 'validation.email' }).max(254).toLowerCase()), { error: 'validation.invalid' })
    .max(maxAdditionalEmails, { error: 'validation.tooManyEmails' })
    .default([]),
  country: text({ error: 'validation.country' }).refine(isCountryCode, { error: 'validation.country' }),
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
  /** null: Atende itself (e.g. the automatic closing). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  field: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const attachmentView = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });
export type AttachmentView = z.infer<typeof attachmentView>;

export const articleView = z.object({
  id: z.number(),
  kind: z.enum(['reply', 'note', 'solution', 'rejection', 'reopening']),
  author: z.object({ id: z.string(), name: z.string(), side: z.enum(['agent', 'customer']) }),
  body: z.string(),
  internal: z.boolean(),
  createdAt: z.string(),
  attachments: z.array(attachmentView),
});
export type ArticleView = z.infer<typeof articleView>;

/** What the caller may do with the ticket now; the browser shows buttons from this. */
export const ticketActionsView = z.object({
  reply: z.boolean(),
  note: z.boolean(),
  take: z.boolean(),
  assign: z.boolean(),
  transfer: z.boolean(),
  edit: z.boolean(),
  setStatus: z.boolean(),
  proposeSolution: z.boolean(),
  confirm: z.boolean(),
  reject: z.boolean(),
  reopen: z.boolean(),
  rate: z.boolean(),
  closeWithReason: z.boolean(),
  merge: z.boolean(),
  link: z.boolean(),
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
  /** Bumped by every change; send it back with an update (optimistic concurrency). */
  revision: z.number(),
  group: named.nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  articles: z.array(articleView),
  rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
  actions: ticketActionsView,
  /** Why it was closed, when an agent or Atende closed it with a reason. */
  closeReason: named.nullable(),
  /** The ticket this duplicate was merged into ("mesclado no chamado #N"). */
  mergedInto: z.object({ number: z.number() }).nullable(),
  /** Agents only: the ticket's tags, in name order. */
  tags: z.array(z.string()).optional(),
  /** Agents only: the next SLA due time and whether a target is breached, as the lists show it. */
  slaDue: slaRowView.optional(),
  /** Agents only: the service level (policy, every clock, the pauses). */
  sla: ticketSlaView.optional(),
  /** Customers only: when the first response is expected, nothing of the internal targets. */
  customerSla: customerSlaView.optional(),
});
export type TicketView = z.infer<typeof ticketView>;

/** A calendar day of a period filter: YYYY-MM-DD in the years `dayYears` allows (see there why). */
const periodDay = z.iso.date({ error: 'validation.date', abort: true }).refine(isDayInRange, { error: 'validation.date' });

/**
 * A comma-separated list of a query string ("3,5,8"), each item checked by `item`; an item that
 * fails names the whole field, as a single value would.
 */
function listParam<T extends z.ZodType>(item: T, max = maxFilterItems) {
  return text()
    .max(4000)
    .transform((raw, ctx): z.output<T>[] => {
      const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (items.length > max) {
        ctx.addIssue({ code: 'custom', message: 'validation.itemsMax', maximum: max } as Parameters<typeof ctx.addIssue>[0]);
        return z.NEVER;
      }
      const out: z.output<T>[] = [];
      for (const raw of items) {
        const parsed = item.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          ctx.addIssue({ ...issue, path: [], input: raw } as Parameters<typeof ctx.addIssue>[0]);
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return out;
    });
}

const lastDaysParam = z.coerce.number().int().min(1).max(3650);

/**
 * A list's filters, as a query string: lists are comma-separated and mean "any of" (tags: "all
 * of"); a saved view's filters (`viewFilters` in views.ts) say the same as JSON.
 */
export const ticketListQuery = z.object({
  channel: text().max(40).optional(),
  serviceLineId: listParam(rowIdParam).optional(),
  status: listParam(z.enum(ticketStatuses), ticketStatuses.length).optional(),
  /** Agents only, as tags and the assignee. */
  groupId: listParam(rowIdParam).optional(),
  assignee: assigneeFilter.optional(),
  companyId: listParam(rowIdParam).optional(),
  moduleId: listParam(rowIdParam).optional(),
  categoryId: listParam(rowIdParam).optional(),
  criticality: listParam(z.enum(levels), levels.length).optional(),
  tags: listParam(tagName).optional(),
  from: periodDay.optional(),
  to: periodDay.optional(),
  /** Opened within the last N days. */
  openedDays: lastDaysParam.optional(),
  updatedFrom: periodDay.optional(),
  updatedTo: periodDay.optional(),
  updatedDays: lastDaysParam.optional(),
  /** The reader's IANA time zone: `from` and `to` are calendar days there (UTC when absent). */
  tz: text().max(64).refine(isTimeZone, { error: 'validation.invalid' }).optional(),
  q: text().trim().max(200).optional(),
  /** Agent workspace views; `due_soon` and `breached` are agents only (a customer's is a 400 naming `view`). */
  view: z.enum(builtInViews).optional(),
  /** `criticality`: most critical first, then oldest; `due` (agents only): the next SLA due time. */
  /** Absent: newest number first for a search, else last updated first. */
  sort: z.enum(['updated', 'created', 'number', 'criticality', 'due']).optional(),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: text().max(200).optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** A list's row: the summary, and for agents the columns a view may add (never shown to customers). */
export const ticketListEntry = ticketSummaryView.extend({
  /** Agents: the revision the row was read in, sent back by a bulk action (contracts/bulk.ts). */
  revision: z.number().optional(),
  module: named.optional(),
  group: named.nullable().optional(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  tags: z.array(z.string()).optional(),
  /** Agents only: the next SLA due time and whether a target is breached. */
  slaDue: slaRowView.optional(),
});

export const ticketList = z.object({
  tickets: z.array(ticketListEntry),
  nextCursor: z.string().nullable(),
});
export type TicketList = z.infer<typeof ticketList>;

export const openedTicket = z.object({ number: z.number() });

/** A reply or an internal note; an agent's reply may also ask the customer or propose a solution. */
export const articleInput = z.object({
  body: required(maxIncident),
  internal: z.boolean().default(false),
  action: z.enum(['reply', 'ask_customer', 'propose_solution']).default('reply'),
  attachmentIds: z.array(text().max(64)).max(50).default([]),
  /**
   * The last article the writer saw (0: none). When one they may read has arrived since, the reply
   * is not sent: 409 with the newer articles, so that nobody answers what was already answered.
   */
  lastSeenArticleId: z.number().int().min(0).max(maxRowId).optional(),
});
export type ArticleInput = z.input<typeof articleInput>;

/** An agent's change to a ticket; `revision` is the one the agent saw. */
export const ticketUpdateInput = z.object({
  revision: revisionInput,
  assigneeId: text().max(100).nullable().optional(),
  groupId: id.optional(),
  transferNote: text().trim().max(5000).optional(),
  status: z.enum(['in_progress', 'waiting_customer', 'on_hold']).optional(),
  categoryId: id.optional(),
  moduleId: id.optional(),
  routineId: id.optional(),
  versionId: id.nullable().optional(),
  environmentId: id.nullable().optional(),
  criticality: z.enum(levels).optional(),
  criticalityReason: text().trim().max(2000, { error: 'validation.tooLong' }).optional(),
});
export type TicketUpdateInput = z.input<typeof ticketUpdateInput>;

export const takeInput = z.object({ revision: revisionInput });
export const rejectInput = z.object({ comment: required(maxIncident) });
export const reopenInput = z.object({ comment: required(maxIncident) });
export const ratingInput = z.object({
  score: z.number({ error: 'validation.rating' }).int().min(1, { error: 'validation.rating' }).max(5, { error: 'validation.rating' }),
  comment: text().trim().max(5000, { error: 'validation.tooLong' }).optional(),
});

/** A reply's 409: also the articles that arrived after the last one its writer saw (`lastSeenArticleId`). */
export const articleConflictBody = z.object({
  error: conflictBody.shape.error.extend({ newer: z.array(articleView).optional() }),
});

export const workspaceCounts = z.object({
  unassigned: z.number(),
  mine: z.number(),
  open: z.number(),
  waiting: z.number(),
  recently_closed: z.number(),
  due_soon: z.number(),
  breached: z.number(),
});
