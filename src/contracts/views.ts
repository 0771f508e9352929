import { z } from 'zod';
import { levels } from './criticality';
import { revisionInput, rowId } from './ids';
import { isDayInRange } from './time';
import { text } from './validation';

export const ticketStatusList = ['new', 'in_progress', 'waiting_customer', 'on_hold', 'solution_proposed', 'closed'] as const;

/** The workspace's built-in views; saved views come beside them. */
export const builtInViews = ['unassigned', 'mine', 'open', 'waiting', 'recently_closed', 'due_soon', 'breached'] as const;
export type BuiltInView = (typeof builtInViews)[number];

/** `due`: the next SLA due time, soonest first (tickets with a running clock only). */
export const listSorts = ['updated', 'created', 'number', 'criticality', 'due'] as const;
export type ListSort = (typeof listSorts)[number];

/**
 * The sorts each built-in view offers (the workspace's sort menu). "Recently closed" is read by its
 * last activity, which bounds it to the closing week; its other orders are answered too, from the
 * closing index, but they sort the week's tickets instead of stopping at the page.
 */
export const viewSorts: Record<BuiltInView, readonly ListSort[]> = {
  unassigned: listSorts,
  mine: listSorts,
  open: listSorts,
  waiting: listSorts,
  recently_closed: ['updated'],
  // "Vencendo": running clocks due within `dueSoonHours`, soonest first; "Violados": open tickets with a target breached.
  due_soon: ['due'],
  breached: ['updated', 'criticality'],
};

/** "Vencendo" holds the open tickets whose next target falls due within these hours (or has passed, not yet marked). */
export const dueSoonHours = 4;

/** Columns a list may show; a view chooses some of them, in order. */
export const listColumns = ['number', 'summary', 'status', 'criticality', 'company', 'requester', 'serviceLine', 'module', 'group', 'assignee', 'tags', 'createdAt', 'updatedAt'] as const;
export type ListColumn = (typeof listColumns)[number];
export const defaultColumns: ListColumn[] = ['number', 'summary', 'criticality', 'status', 'company', 'assignee', 'updatedAt'];

/** A tag: 1–40 letters, digits, `-`, `_` or `.`, kept in lower case ("folha-de-pagamento", "vip"). */
export const maxTag = 40;
const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
export const tagName = text({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required', abort: true })
  .max(maxTag, { error: 'validation.tooLong', abort: true })
  .transform((s) => s.normalize('NFC').toLowerCase())
  .refine((s) => tagPattern.test(s), { error: 'validation.tag' });

/** Most tags on a ticket, and most items in one filter's list. */
export const maxTagsPerTicket = 20;
export const maxFilterItems = 50;

/** Who may assign a filter: anyone (assigned), nobody, the viewer, or one person by id. */
export const assigneeFilter = z.union([z.enum(['me', 'nobody', 'anyone']), text().trim().min(1).max(100)]);

const periodDay = z.iso.date({ error: 'validation.date', abort: true }).refine(isDayInRange, { error: 'validation.date' });
const lastDays = z.number().int().min(1).max(3650);
const ids = z.array(rowId).max(maxFilterItems);

/** A saved view's filter (`tag` and `words`: how tags and texts are read: checked as input, as they are in an answer). */
const filterFields = (tag: z.ZodType<string>, words: z.ZodType<string>) =>
  z.object({
    view: z.enum(builtInViews).optional(),
    status: z.array(z.enum(ticketStatusList)).max(ticketStatusList.length).optional(),
    groupId: ids.optional(),
    assignee: z.union([z.enum(['me', 'nobody', 'anyone']), words]).optional(),
    companyId: ids.optional(),
    serviceLineId: ids.optional(),
    moduleId: ids.optional(),
    categoryId: ids.optional(),
    criticality: z.array(z.enum(levels)).max(levels.length).optional(),
    tags: z.array(tag).max(maxFilterItems).optional(),
    /** Opened within these calendar days, or within the last N days. */
    from: periodDay.optional(),
    to: periodDay.optional(),
    openedDays: lastDays.optional(),
    updatedFrom: periodDay.optional(),
    updatedTo: periodDay.optional(),
    updatedDays: lastDays.optional(),
    q: words.optional(),
  });

/** A saved view's filter: every field optional, lists meaning "any of" (tags: "all of"). */
export const viewFilters = filterFields(tagName, text().trim().max(200));
/** The same filter in an answer. */
const viewFiltersView = filterFields(z.string(), z.string());
export type ViewFilters = z.infer<typeof viewFilters>;

export const viewShares = ['personal', 'group', 'all'] as const;
export type ViewShare = (typeof viewShares)[number];

const viewName = text({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(80, { error: 'validation.tooLong' });

/** A saved view's fields; a change sends some of them (`viewUpdate`). */
const viewFields = z.object({
  name: viewName,
  share: z.enum(viewShares),
  groupId: rowId.nullable().optional(),
  filters: viewFilters,
  sort: z.enum(listSorts),
  order: z.enum(['desc', 'asc']),
  columns: z.array(z.enum(listColumns)).min(1).max(listColumns.length),
});

/** A saved view as created: shared with a group needs `groupId`. */
export const viewInput = viewFields.extend({
  share: viewFields.shape.share.default('personal'),
  filters: viewFilters.default({}),
  sort: viewFields.shape.sort.default('updated'),
  order: viewFields.shape.order.default('desc'),
  columns: viewFields.shape.columns.default(defaultColumns),
});
export type ViewInput = z.input<typeof viewInput>;

/** A change to a saved view; `revision` is the one the editor saw. */
export const viewUpdate = viewFields.partial().extend({ revision: revisionInput });

export const savedView = z.object({
  id: z.number(),
  name: z.string(),
  share: z.enum(viewShares),
  group: z.object({ id: z.number(), name: z.string() }).nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  filters: viewFiltersView,
  sort: z.enum(listSorts),
  order: z.enum(['desc', 'asc']),
  columns: z.array(z.enum(listColumns)),
  revision: z.number(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
});
export type SavedView = z.infer<typeof savedView>;

/** The views the caller sees, and the groups they may share one with (and filter by). */
export const savedViewList = z.object({ views: z.array(savedView), groups: z.array(z.object({ id: z.number(), name: z.string() })) });

/**
 * Counts stop at `countCap`: a view holding more shows "99+" (`capped`). A count reads an index
 * entry per ticket it counts, ≈ 0.3 µs each: the sidebar's six counts then cost ≈ 0.2 ms.
 */
export const countCap = 99;
export const viewCount = z.object({ count: z.number(), capped: z.boolean() });
export const viewCounts = z.object({
  builtIn: z.object(Object.fromEntries(builtInViews.map((v) => [v, viewCount])) as Record<BuiltInView, typeof viewCount>),
  saved: z.array(viewCount.extend({ id: z.number() })),
});
export type ViewCounts = z.infer<typeof viewCounts>;

export const tagList = z.object({ tags: z.array(z.string()) });
export const tagSearchQuery = z.object({ prefix: text().trim().max(maxTag).default(''), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const ticketTagsInput = z.object({
  add: z.array(tagName).max(maxTagsPerTicket).default([]),
  remove: z.array(tagName).max(maxTagsPerTicket).default([]),
  /** The ticket's revision the agent saw: a change since is a 409. */
  revision: revisionInput,
});
