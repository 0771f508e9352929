import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { TicketListQuery } from '../../../contracts/tickets';
import { endOfDay, startOfDay } from '../../../contracts/time';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { readableBy } from './tickets.policy';
import { summaryJson } from './tickets.summary';

type SortKey = 'ticket.updated_at' | 'ticket.created_at' | 'ticket.number' | 'ticket.criticality_rank';

/** Columns each sort reads, before the id that breaks ties. */
const sorts: Record<NonNullable<TicketListQuery['sort']>, SortKey[]> = {
  updated: ['ticket.updated_at'],
  created: ['ticket.created_at'],
  number: ['ticket.number'],
  // Most critical first, then oldest first: the order an agent works in.
  criticality: ['ticket.criticality_rank', 'ticket.created_at'],
};

/** A keyset cursor: the sort values and the id of the last row of a page. */
type Cursor = { v: (string | number)[]; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, length: number): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    const valid =
      Array.isArray(parsed.v) &&
      parsed.v.length === length &&
      parsed.v.every((v) => typeof v === 'string' || typeof v === 'number') &&
      Number.isInteger(parsed.id);
    if (valid) return parsed;
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation', 'errors.validation', { fields: { cursor: 'validation.invalid' } });
}

/** The words of a search; a word typed with a trailing `*` matches as a prefix ("bolet*"). */
export function searchWords(q: string): { word: string; prefix: boolean }[] {
  return [...q.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)].map((m) => ({ word: m[1]!, prefix: m[2] === '*' }));
}

/**
 * Words of a search as an FTS5 query: every word must appear, whole (accents and case aside)
 * unless marked as a prefix. Whole words let FTS5 walk its index in order and stop at a page;
 * a prefix has to merge every matching term first.
 */
export function ftsQuery(q: string): string | undefined {
  const words = searchWords(q);
  return words.length ? words.map((w) => `"${w.word}"${w.prefix ? '*' : ''}`).join(' ') : undefined;
}

/** The same words as a PostgreSQL tsquery in the Portuguese configuration (`:*` for a prefix). */
export function tsQuery(q: string): string | undefined {
  const words = searchWords(q);
  return words.length ? words.map((w) => `${w.word}${w.prefix ? ':*' : ''}`).join(' & ') : undefined;
}

/**
 * The FTS5 query for an actor: the words in summary or incident, within the companies (customers)
 * or groups (agents) the actor reads; readableBy still applies on top of it.
 */
export function scopedFtsQuery(actor: Actor, words: string): string {
  const text = `{summary incident} : (${words})`;
  if (actor.staffRole === 'admin') return text;
  const scopes = actor.staffRole ? actor.groupIds.map((g) => `g${g}`) : actor.memberships.map((m) => `c${m.companyId}`);
  return `scope : (${scopes.length ? scopes.join(' OR ') : 'none'}) AND ${text}`;
}

/** The tables a ticket's summary names: its service line and channel, company and requester. */
function summaryJoins<O>(query: SelectQueryBuilder<Database, 'ticket', O>) {
  return query
    .innerJoin('service_line', 'service_line.id', 'ticket.service_line_id')
    .innerJoin('channel', 'channel.id', 'service_line.channel_id')
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .innerJoin('person as requester', 'requester.id', 'ticket.requester_id');
}

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

/** The sort of a list: as asked, else newest first by number for a search and by last update otherwise. */
export function sortOf(query: TicketListQuery): NonNullable<TicketListQuery['sort']> {
  return query.sort ?? (query.q ? 'number' : 'updated');
}

/**
 * One page of the tickets the actor may read, filtered, searched and sorted, with keyset paging;
 * each row carries its summary as JSON (`summaryJson`) and the values its cursor needs.
 *
 * A search by words in number order reads the SQLite full-text index in rowid order and stops at
 * the page: ids and numbers grow together (a number is taken in the transaction that inserts the
 * row, one writer at a time), so rowid order is number order.
 */
export async function listTickets(db: Db, actor: Actor, query: TicketListQuery) {
  const sort = sortOf(query);
  const columns = sorts[sort];
  const direction = sort === 'criticality' ? 'asc' : query.order;
  const words = query.q && !isTicketNumber(query.q) ? ftsQuery(query.q) : undefined;
  const walkIndex = db.dialectName === 'sqlite' && words !== undefined && sort === 'number';
  let q = db.selectFrom('ticket').where(readableBy(actor));

  if (query.view) q = inView(q, actor, query.view);
  if (query.serviceLineId) q = q.where('ticket.service_line_id', '=', query.serviceLineId);
  if (query.channel) {
    const channel = query.channel;
    q = q.where('ticket.service_line_id', 'in', (eb) =>
      eb.selectFrom('service_line').innerJoin('channel', 'channel.id', 'service_line.channel_id').select('service_line.id').where('channel.key', '=', channel),
    );
  }
  if (query.status) {
    // Customers never see "on hold": to them it is in progress, and filtering follows.
    const statuses = !actor.staffRole && query.status === 'in_progress' ? ['in_progress', 'on_hold'] : [query.status];
    q = q.where('ticket.status', 'in', statuses);
  }
  // The period is of calendar days where the reader is.
  const zone = query.tz ?? 'UTC';
  if (query.from) q = q.where('ticket.created_at', '>=', startOfDay(query.from, zone).toISOString());
  if (query.to) q = q.where('ticket.created_at', '<', endOfDay(query.to, zone).toISOString());
  const op = direction === 'desc' ? '<' : '>';
  const cursor = query.cursor ? decodeCursor(query.cursor, columns.length) : undefined;
  if (walkIndex) {
    q = q.innerJoin('ticket_search', 'ticket_search.rowid', 'ticket.id').where('ticket_search', '=', scopedFtsQuery(actor, words));
    if (cursor) q = q.where(sql.ref('ticket_search.rowid'), op, cursor.id);
  } else if (query.q) {
    q = q.where(matches(db, actor, query.q));
  }
  if (cursor) {
    const { v, id } = cursor;
    // A row-value comparison, (c1, c2, id) < (v1, v2, last id), lets both engines seek the index.
    q = q.where((eb) =>
      columns.length === 1
        ? eb(eb.refTuple(columns[0]!, 'ticket.id'), op, eb.tuple(v[0]!, id))
        : eb(eb.refTuple(columns[0]!, columns[1]!, 'ticket.id'), op, eb.tuple(v[0]!, v[1]!, id)),
    );
  }
  let ordered = summaryJoins(q).select([
    summaryJson(db.dialectName, actor).as('json'),
    'ticket.id',
    'ticket.number',
    'ticket.criticality_rank',
    'ticket.created_at',
    'ticket.updated_at',
  ]);
  if (walkIndex) ordered = ordered.orderBy(sql.ref('ticket_search.rowid'), direction);
  else for (const column of [...columns, 'ticket.id' as const]) ordered = ordered.orderBy(column, direction);
  const rows = await ordered.limit(query.limit + 1).execute();
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  const valueOf = (row: (typeof rows)[number], column: SortKey): string | number => {
    if (column === 'ticket.number') return row.number;
    if (column === 'ticket.criticality_rank') return row.criticality_rank ?? 4;
    return new Date(column === 'ticket.updated_at' ? row.updated_at : row.created_at).toISOString();
  };
  return {
    rows: page,
    nextCursor: hasMore && last ? encodeCursor({ v: columns.map((c) => valueOf(last, c)), id: last.id }) : null,
  };
}

type TicketQuery = SelectQueryBuilder<Database, 'ticket', object>;

/** The agent workspace's views. */
function inView(q: TicketQuery, actor: Actor, view: NonNullable<TicketListQuery['view']>): TicketQuery {
  switch (view) {
    case 'unassigned':
      return q.where('ticket.assignee_id', 'is', null).where('ticket.status', '!=', 'closed');
    case 'mine':
      return q.where('ticket.assignee_id', '=', actor.id).where('ticket.status', '!=', 'closed');
    case 'open':
      return q.where('ticket.status', '!=', 'closed');
    case 'waiting':
      return q.where('ticket.status', 'in', ['waiting_customer', 'solution_proposed']);
    case 'recently_closed':
      return q.where('ticket.status', '=', 'closed').where('ticket.closed_at', '>=', new Date(Date.now() - 7 * 86_400_000).toISOString());
  }
}

const isTicketNumber = (text: string) => /^\d{1,9}$/.test(text);

/** Search by ticket number or by words of the summary and incident (FTS5 / PostgreSQL full text). */
function matches(db: Db, actor: Actor, text: string) {
  const byNumber = isTicketNumber(text) ? Number(text) : undefined;
  const fts = ftsQuery(text);
  const ts = tsQuery(text);
  return (eb: ExpressionBuilder<Database, 'ticket'>) => {
    const branches = [];
    if (byNumber !== undefined) branches.push(eb('ticket.number', '=', byNumber));
    if (fts && db.dialectName === 'sqlite') {
      branches.push(eb('ticket.id', 'in', sql<number>`(select rowid from ticket_search where ticket_search match ${scopedFtsQuery(actor, fts)})`));
    } else if (ts) {
      branches.push(sql<boolean>`ticket.search @@ to_tsquery('portuguese', ${ts})`);
    }
    return branches.length ? eb.or(branches) : eb.lit(false);
  };
}

/** How many tickets each workspace view holds for the actor. */
export async function countViews(db: Db, actor: Actor) {
  const views = ['unassigned', 'mine', 'open', 'waiting', 'recently_closed'] as const;
  const counts = await Promise.all(
    views.map(async (view) => {
      const row = await inView(db.selectFrom('ticket').where(readableBy(actor)), actor, view)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [view, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<(typeof views)[number], number>;
}

/** A ticket by number with every field, if the actor may read it. */
export async function findReadableTicket(db: Db, actor: Actor, number: number) {
  return summaryColumns(db.selectFrom('ticket').where(readableBy(actor)).where('ticket.number', '=', number))
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
    .select([
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
      'environment.name as environment_name',
      'opener.id as opener_id',
      'opener.name as opener_name',
    ])
    .executeTakeFirst();
}

/** The copies, articles (with attachments) and history of a ticket; customers get only the public part. */
export async function ticketDetails(db: Db, ticketId: number, internal: boolean) {
  const [copies, events, articles, attachments] = await Promise.all([
    db.selectFrom('ticket_copy').select('email').where('ticket_id', '=', ticketId).orderBy('email').execute(),
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
      .orderBy('ticket_event.id')
      .execute(),
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
      .orderBy('ticket_article.id')
      .execute(),
    db
      .selectFrom('attachment')
      .select(['id', 'article_id', 'file_name', 'content_type', 'size'])
      .where('ticket_id', '=', ticketId)
      .where('article_id', 'is not', null)
      .orderBy('created_at')
      .execute(),
  ]);
  return { copies: copies.map((c) => c.email), events, articles, attachments };
}

/** The facts policies need about a ticket the actor can read; undefined when they cannot. */
export async function ticketFacts(db: Db, actor: Actor, number: number) {
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
  };
}

export type TicketFactsRow = NonNullable<Awaited<ReturnType<typeof ticketFacts>>>;
