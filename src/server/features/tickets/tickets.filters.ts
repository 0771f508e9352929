import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { levels } from '../../../contracts/criticality';
import { ticketStatuses, type TicketListQuery } from '../../../contracts/tickets';
import { endOfDay, startOfDay } from '../../../contracts/time';
import type { DialectName } from '../../db/dialect';
import type { ValueOf } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';

type TicketQuery = SelectQueryBuilder<Database, 'ticket', object>;

/** The filters of a list or a saved view (contracts: `ticketListQuery`, `viewFilters`). */
export type TicketFilters = Pick<
  TicketListQuery,
  | 'status'
  | 'groupId'
  | 'assignee'
  | 'companyId'
  | 'serviceLineId'
  | 'moduleId'
  | 'categoryId'
  | 'criticality'
  | 'tags'
  | 'from'
  | 'to'
  | 'openedDays'
  | 'updatedFrom'
  | 'updatedTo'
  | 'updatedDays'
  | 'tz'
>;

/** Everything about the filters that changes a list's SQL text: which apply, and how many values each has. */
export type FilterShape = {
  statuses: number;
  /** The statuses asked for are all open ones: the open tickets' indexes may serve the list. */
  openStatuses: boolean;
  groups: number;
  assignee: 'me' | 'nobody' | 'anyone' | 'person' | null;
  companies: number;
  serviceLines: number;
  modules: number;
  categories: number;
  criticalities: number;
  tags: number;
  from: boolean;
  to: boolean;
  openedDays: boolean;
  updatedFrom: boolean;
  updatedTo: boolean;
  updatedDays: boolean;
};

/** Filters customers may not use: tags are never theirs to see, the assignee and group are the workspace's. */
const agentsOnly = ['groupId', 'assignee', 'tags'] as const;
/** Views and sorts customers may not use: they read the internal SLA targets (due times, breaches). */
const agentsOnlyViews: readonly string[] = ['due_soon', 'breached'];
const agentsOnlySorts: readonly string[] = ['due'];

/**
 * The shape and values of the filters an actor asks for, values named as `applyFilters` names
 * them. A customer naming an agent's filter, view or sort gets a 400 naming it.
 */
export function filterPlan(actor: Actor, filters: TicketFilters & Partial<Pick<TicketListQuery, 'view' | 'sort'>>, values: Record<string, unknown>): FilterShape {
  if (!actor.staffRole) {
    const named: string[] = agentsOnly.filter((field) => filters[field] !== undefined);
    if (filters.view !== undefined && agentsOnlyViews.includes(filters.view)) named.push('view');
    if (filters.sort !== undefined && agentsOnlySorts.includes(filters.sort)) named.push('sort');
    if (named.length) throw invalidFields(Object.fromEntries(named.map((field) => [field, 'validation.agentsOnly'])));
  }
  // Customers never see "on hold": to them it is in progress, and filtering follows.
  const statuses = [...new Set((filters.status ?? []).flatMap((s) => (!actor.staffRole && s === 'in_progress' ? ['in_progress', 'on_hold'] : [s])))];
  const zone = filters.tz ?? 'UTC';
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const lists = {
    status: statuses,
    group: filters.groupId ?? [],
    company: filters.companyId ?? [],
    serviceLine: filters.serviceLineId ?? [],
    module: filters.moduleId ?? [],
    category: filters.categoryId ?? [],
    // As its rank, which the criticality indexes lead with (0 = critical … 4 = planning).
    criticality: (filters.criticality ?? []).map((level) => levels.indexOf(level)),
    tag: [...new Set(filters.tags ?? [])],
  };
  // Named apart from the actor's own values (`group0` is one of the actor's groups).
  for (const [name, list] of Object.entries(lists)) (list as unknown[]).forEach((v, i) => (values[`f_${name}${i}`] = v));
  const assignee = filters.assignee === undefined ? null : filters.assignee === 'me' || filters.assignee === 'nobody' || filters.assignee === 'anyone' ? filters.assignee : 'person';
  if (assignee === 'person') values.assigneeId = filters.assignee;
  if (filters.from) values.from = startOfDay(filters.from, zone).toISOString();
  if (filters.to) values.to = endOfDay(filters.to, zone).toISOString();
  if (filters.openedDays) values.openedSince = daysAgo(filters.openedDays);
  if (filters.updatedFrom) values.updatedFrom = startOfDay(filters.updatedFrom, zone).toISOString();
  if (filters.updatedTo) values.updatedTo = endOfDay(filters.updatedTo, zone).toISOString();
  if (filters.updatedDays) values.updatedSince = daysAgo(filters.updatedDays);
  return {
    statuses: statuses.length,
    openStatuses: statuses.length > 0 && !statuses.includes('closed'),
    groups: lists.group.length,
    assignee,
    companies: lists.company.length,
    serviceLines: lists.serviceLine.length,
    modules: lists.module.length,
    categories: lists.category.length,
    criticalities: lists.criticality.length,
    tags: lists.tag.length,
    from: filters.from !== undefined,
    to: filters.to !== undefined,
    openedDays: filters.openedDays !== undefined,
    updatedFrom: filters.updatedFrom !== undefined,
    updatedTo: filters.updatedTo !== undefined,
    updatedDays: filters.updatedDays !== undefined,
  };
}

/** Every status but closed, as the open tickets' partial indexes (migration 013) are declared: a literal, never a bound value. */
export const isOpen = sql<boolean>`ticket.status <> 'closed'`;
/**
 * The waiting statuses, as the waiting tickets' partial index is declared: of the status as no
 * index reads it, or SQLite would seek the statuses in another index and sort what it found.
 */
export const isWaiting = sql<boolean>`(ticket.status || '') in ('waiting_customer', 'solution_proposed')`;

/**
 * A column as SQLite's planner must not use it (unary `+`, the same value): a sorted list walks
 * the sort's index and checks the filters on each row, instead of reading every match of a filter
 * and sorting them. PostgreSQL plans by its statistics, and has no unary `+` for text.
 */
export function unindexed(dialect: DialectName, column: string): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`+${sql.ref(column)}` : sql.ref(column);
}

/**
 * Applies the filters of a shape. `sortedList`: SQLite walks the sort's index (the filter columns
 * hidden from it); a count lets it seek the most selective index instead. Tags: every one named.
 */
export function applyFilters(q: TicketQuery, dialect: DialectName, shape: FilterShape, value: ValueOf, { sortedList, sort }: { sortedList: boolean; sort?: string }): TicketQuery {
  const col = (column: string) => (sortedList ? unindexed(dialect, column) : sql.ref(column));
  const items = <T = string>(name: string, n: number) => Array.from({ length: n }, (_, i) => value<T>(`f_${name}${i}`));
  if (shape.statuses) {
    // A sorted list checks the status on each row of the sort's index; a count seeks it in the status indexes.
    q = q.where(sortedList ? sql`(ticket.status || '')` : sql.ref('ticket.status'), 'in', items('status', shape.statuses));
    if (shape.openStatuses) q = q.where(isOpen);
  }
  if (shape.groups) q = q.where(col('ticket.group_id'), 'in', items<number>('group', shape.groups));
  switch (shape.assignee) {
    case 'me':
      q = q.where('ticket.assignee_id', '=', value<string>('actorId'));
      break;
    case 'person':
      q = q.where('ticket.assignee_id', '=', value<string>('assigneeId'));
      break;
    case 'nobody':
      q = q.where('ticket.assignee_id', 'is', null);
      break;
    case 'anyone':
      q = q.where(col('ticket.assignee_id'), 'is not', null);
      break;
  }
  if (shape.companies) q = q.where(col('ticket.company_id'), 'in', items<number>('company', shape.companies));
  if (shape.serviceLines) q = q.where('ticket.service_line_id', 'in', items<number>('serviceLine', shape.serviceLines));
  if (shape.modules) q = q.where('ticket.module_id', 'in', items<number>('module', shape.modules));
  if (shape.categories) q = q.where('ticket.category_id', 'in', items<number>('category', shape.categories));
  if (shape.criticalities) {
    // By criticality, the rank leads the sort's index: SQLite seeks each rank asked for in turn.
    q = q.where(sort === 'criticality' ? sql.ref('ticket.criticality_rank') : col('ticket.criticality_rank'), 'in', items<number>('criticality', shape.criticalities));
  }
  for (const tag of items('tag', shape.tags)) q = q.where(hasTag(tag, sortedList));
  if (shape.from) q = q.where('ticket.created_at', '>=', value<string>('from'));
  if (shape.to) q = q.where('ticket.created_at', '<', value<string>('to'));
  if (shape.openedDays) q = q.where('ticket.created_at', '>=', value<string>('openedSince'));
  if (shape.updatedFrom) q = q.where(col('ticket.updated_at'), '>=', value<string>('updatedFrom'));
  if (shape.updatedTo) q = q.where(col('ticket.updated_at'), '<', value<string>('updatedTo'));
  if (shape.updatedDays) q = q.where(col('ticket.updated_at'), '>=', value<string>('updatedSince'));
  return q;
}

/**
 * The ticket has the tag: checked on each row of a sorted list (its primary key), or read from
 * the tag's index for a count, which then visits only the tagged tickets.
 */
function hasTag(name: string, perRow: boolean) {
  return (eb: ExpressionBuilder<Database, 'ticket'>) => {
    const tagId = eb.selectFrom('tag').select('tag.id').where('tag.name', '=', name);
    return perRow
      ? eb.exists(eb.selectFrom('ticket_tag').select('ticket_tag.tag_id').whereRef('ticket_tag.ticket_id', '=', 'ticket.id').where('ticket_tag.tag_id', '=', tagId))
      : eb('ticket.id', 'in', eb.selectFrom('ticket_tag').select('ticket_tag.ticket_id').where('ticket_tag.tag_id', '=', tagId));
  };
}

/** The open statuses by name, which the status indexes seek. */
export const openStatuses = ticketStatuses.filter((status) => status !== 'closed');
