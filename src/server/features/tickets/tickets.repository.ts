import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { foreignObject, notFound, type AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { preparedQuery, queryByShape } from '../../db/prepared';
import { actorOfShape, inView, recentlyClosedSince } from './tickets.list';
import { readableBy } from './tickets.policy';
import { summaryJoins } from './tickets.summary';
import { readByTime } from './tickets.count';
import { readTicketSla } from '../sla/sla.presenter';

/** A ticket's summary columns, for its page (the lists render them as JSON: summaryJson). */
function summaryColumns<O>(query: SelectQueryBuilder<Database, 'ticket', O>) {
  return summaryJoins(query).select([
    'ticket.id',
    'ticket.number',
    'ticket.summary',
    'ticket.status',
    'ticket.criticality',
    'ticket.criticality_rank',
    'ticket.created_at',
    'ticket.updated_at',
    'ticket.sla_due_at',
    'ticket.sla_breached_at',
    'ticket.sla_warn_at',
    'service_line.id as service_line_id',
    'service_line.code as service_line_code',
    'service_line.name as service_line_name',
    'channel.key as channel_key',
    'company.id as company_id',
    'company.name as company_name',
    'requester.id as requester_id',
    'requester.name as requester_name',
  ]);
}

export type TicketSummaryRow = NonNullable<Awaited<ReturnType<typeof findReadableTicket>>>;

/** How many tickets each workspace view holds for the actor. */
export async function countViews(db: Db, actor: Actor) {
  const views = ['unassigned', 'mine', 'open', 'waiting', 'recently_closed', 'due_soon', 'breached'] as const;
  const closedSince = recentlyClosedSince();
  const counts = await Promise.all(
    views.map(async (view) => {
      const row = await inView(db.selectFrom('ticket').where(readableBy(actor, { groupIndex: !readByTime(view) })), actor, view, closedSince)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [view, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<(typeof views)[number], number>;
}

/** The ticket page's query: every field of a ticket and the names it shows. */
function pageColumns(query: SelectQueryBuilder<Database, 'ticket', object>) {
  return summaryColumns(query)
    .innerJoin('category', 'category.id', 'ticket.category_id')
    .innerJoin('origin', 'origin.id', 'ticket.origin_id')
    .innerJoin('effect', 'effect.id', 'ticket.effect_id')
    .innerJoin('module', 'module.id', 'ticket.module_id')
    .innerJoin('routine', 'routine.id', 'ticket.routine_id')
    .leftJoin('version', 'version.id', 'ticket.version_id')
    .leftJoin('environment', 'environment.id', 'ticket.environment_id')
    .innerJoin('person as opener', 'opener.id', 'ticket.opened_by_id')
    .leftJoin('agent_group', 'agent_group.id', 'ticket.group_id')
    .leftJoin('person as assignee', 'assignee.id', 'ticket.assignee_id')
    .leftJoin('close_reason', 'close_reason.id', 'ticket.close_reason_id')
    .leftJoin('ticket as merged_target', 'merged_target.id', 'ticket.merged_into_id')
    .select([
      'close_reason.id as close_reason_id',
      'close_reason.names as close_reason_names',
      'close_reason.notify_customer as close_reason_notifies',
      'merged_target.number as merged_into_number',
      'ticket.revision',
      'ticket.closed_at',
      'ticket.rating',
      'ticket.rating_comment',
      'agent_group.id as group_id',
      'agent_group.name as group_name',
      'assignee.id as assignee_id',
      'assignee.name as assignee_name',
      'ticket.country',
      'ticket.incident',
      'ticket.criticality_reason',
      'category.id as category_id',
      'category.names as category_names',
      'origin.id as origin_id',
      'origin.names as origin_names',
      'effect.id as effect_id',
      'effect.names as effect_names',
      'module.id as module_id',
      'module.name as module_name',
      'routine.id as routine_id',
      'routine.name as routine_name',
      'version.id as version_id',
      'version.name as version_name',
      'environment.id as environment_id',
      'environment.names as environment_names',
      'opener.id as opener_id',
      'opener.name as opener_name',
    ]);
}
type PageRow = Awaited<ReturnType<ReturnType<typeof pageColumns>['executeTakeFirstOrThrow']>>;
type ScopeShape = Parameters<typeof actorOfShape>[0];

/** The ticket page's reads, compiled once per database handle (and per shape of reader): every page view runs them. */
function pageQueries(db: Db) {
  const forCustomer = (internal: boolean) => ({
    events: preparedQuery(db, 1, (ticketId: number) =>
      db
        .selectFrom('ticket_event')
        .leftJoin('person', 'person.id', 'ticket_event.actor_id')
        .select([
          'ticket_event.id',
          'ticket_event.kind',
          'ticket_event.field',
          'ticket_event.from_value',
          'ticket_event.to_value',
          'ticket_event.note',
          'ticket_event.created_at',
          'person.id as actor_id',
          'person.name as actor_name',
        ])
        .where('ticket_event.ticket_id', '=', ticketId)
        .$if(!internal, (q) => q.where('ticket_event.public', '=', true))
        .orderBy('ticket_event.id'),
    ),
    articles: preparedQuery(db, 1, (ticketId: number) =>
      db
        .selectFrom('ticket_article')
        .innerJoin('person', 'person.id', 'ticket_article.author_id')
        .select([
          'ticket_article.id',
          'ticket_article.kind',
          'ticket_article.body',
          'ticket_article.internal',
          'ticket_article.created_at',
          'person.id as author_id',
          'person.name as author_name',
          'person.staff_role as author_staff_role',
        ])
        .where('ticket_article.ticket_id', '=', ticketId)
        .$if(!internal, (q) => q.where('ticket_article.internal', '=', false))
        .orderBy('ticket_article.id'),
    ),
  });
  return {
    ticket: queryByShape<ScopeShape, PageRow>(db, (shape, value) =>
      pageColumns(db.selectFrom('ticket').where(readableBy(actorOfShape(shape, value))).where('ticket.number', '=', value<number>('number'))),
    ),
    copies: preparedQuery(db, 1, (ticketId: number) => db.selectFrom('ticket_copy').select('email').where('ticket_id', '=', ticketId).orderBy('email')),
    attachments: preparedQuery(db, 1, (ticketId: number) =>
      db
        .selectFrom('attachment')
        .select(['id', 'article_id', 'file_name', 'content_type', 'size'])
        .where('ticket_id', '=', ticketId)
        .where('article_id', 'is not', null)
        .orderBy('created_at'),
    ),
    tags: preparedQuery(db, 1, (ticketId: number) =>
      db.selectFrom('ticket_tag').innerJoin('tag', 'tag.id', 'ticket_tag.tag_id').select('tag.name').where('ticket_tag.ticket_id', '=', ticketId).orderBy('tag.name'),
    ),
    internal: forCustomer(true),
    public: forCustomer(false),
  };
}
const compiledPages = new WeakMap<Db, ReturnType<typeof pageQueries>>();
function pageQueriesOf(db: Db) {
  let queries = compiledPages.get(db);
  if (!queries) compiledPages.set(db, (queries = pageQueries(db)));
  return queries;
}

/** A ticket by number with every field, if the actor may read it. */
export async function findReadableTicket(db: Db, actor: Actor, number: number): Promise<PageRow | undefined> {
  const seeAll = actor.memberships.filter((m) => m.seesAllTickets).map((m) => m.companyId);
  const ownOnly = actor.memberships.filter((m) => !m.seesAllTickets).map((m) => m.companyId);
  const values: Record<string, unknown> = { actorId: actor.id, actorEmail: actor.email, number };
  seeAll.forEach((id, i) => (values[`seeAll${i}`] = id));
  ownOnly.forEach((id, i) => (values[`ownOnly${i}`] = id));
  actor.groupIds.forEach((id, i) => (values[`group${i}`] = id));
  const shape = { role: actor.staffRole, seeAll: seeAll.length, ownOnly: ownOnly.length, groups: actor.groupIds.length };
  const [row] = await pageQueriesOf(db).ticket(shape, values);
  return row;
}

/** The copies, articles (with attachments), history and tags of a ticket; customers get only the public part, and no tags. */
export async function ticketDetails(db: Db, ticketId: number, internal: boolean) {
  const q = pageQueriesOf(db);
  const side = internal ? q.internal : q.public;
  const [copies, events, articles, attachments, tags, sla] = await Promise.all([
    q.copies(ticketId),
    side.events(ticketId),
    side.articles(ticketId),
    q.attachments(ticketId),
    // Tags are the agents' alone.
    internal ? q.tags(ticketId) : undefined,
    readTicketSla(db, ticketId),
  ]);
  return { copies: copies.map((c) => c.email), events, articles, attachments, tags: tags?.map((t) => t.name), sla };
}

/** The 404 for a ticket the caller cannot read: logged as a foreign object when it exists. */
export async function unreadableTicket(db: Kysely<Database>, number: number): Promise<AppError> {
  const exists = await db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirst();
  return exists ? foreignObject() : notFound();
}

/** The facts policies need about a ticket the actor can read; undefined when they cannot. `db` may be a transaction. */
export async function ticketFacts(db: Kysely<Database>, actor: Actor, number: number) {
  const row = await db
    .selectFrom('ticket')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.status',
      'ticket.requester_id',
      'ticket.company_id',
      'ticket.closed_at',
      'ticket.rating',
      'ticket.assignee_id',
      'ticket.group_id',
      'ticket.revision',
      'ticket.service_line_id',
      'ticket.module_id',
      'ticket.category_id',
      'ticket.routine_id',
      'ticket.version_id',
      'ticket.environment_id',
      'ticket.criticality',
      'ticket.criticality_reason',
      'ticket.merged_into_id',
    ])
    .where(readableBy(actor))
    .where('ticket.number', '=', number)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    requesterId: row.requester_id,
    companyId: row.company_id,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    assigneeId: row.assignee_id,
    merged: row.merged_into_id !== null,
  };
}

export type TicketFactsRow = NonNullable<Awaited<ReturnType<typeof ticketFacts>>>;
