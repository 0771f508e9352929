import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { ticketStatuses, type TicketListQuery } from '../../../contracts/tickets';
import { endOfDay, startOfDay } from '../../../contracts/time';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import { inlineLimit } from '../../db/limit';
import { queryByShape, type ValueOf } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { readableBy } from './tickets.policy';
import { cursorLine, summaryJoins, summaryJson } from './tickets.summary';

type Sort = NonNullable<TicketListQuery['sort']>;
type SortKey = 'ticket.updated_at' | 'ticket.created_at' | 'ticket.number' | 'ticket.criticality_rank';
type View = NonNullable<TicketListQuery['view']>;

/**
 * Columns each sort reads, before the id that breaks ties. Tickets are numbered in the order they
 * are opened (see listTickets), so "created" reads the number's index.
 */
export const sorts: Record<Sort, SortKey[]> = {
  updated: ['ticket.updated_at'],
  created: ['ticket.number'],
  number: ['ticket.number'],
  // Most critical first, then oldest first: the order an agent works in.
  criticality: ['ticket.criticality_rank', 'ticket.created_at'],
};

/** A keyset cursor: the sort values and the id of the last row of a page. */
type Cursor = { v: (string | number)[]; id: number };

/** Whether a cursor's value fits its column: a whole number, or a timestamp as the list wrote it. */
const fitsColumn = (value: unknown, column: SortKey) =>
  column.endsWith('_at') ? typeof value === 'string' && !Number.isNaN(Date.parse(value)) : Number.isSafeInteger(value);

/** The cursor handed out after a row, from its `cursorLine`; `decodeCursor` reads it back. */
function encodeCursor(line: string, columns: SortKey[]): string {
  const fields = line.split('\t');
  const cursor: Cursor = { v: columns.map((column, i) => (column.endsWith('_at') ? fields[i]! : Number(fields[i]))), id: Number(fields[columns.length]) };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor from a client, checked against the sort's columns: a value of another type is refused, never compared. */
function decodeCursor(raw: string, columns: SortKey[]): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    const valid =
      Array.isArray(parsed.v) &&
      parsed.v.length === columns.length &&
      parsed.v.every((v, i) => fitsColumn(v, columns[i]!)) &&
      Number.isSafeInteger(parsed.id);
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

/** The sort of a list: as asked, else newest first by number for a search and by last update otherwise. */
export function sortOf(query: TicketListQuery): Sort {
  return query.sort ?? (query.q ? 'number' : 'updated');
}

const isTicketNumber = (text: string) => /^\d{1,9}$/.test(text);

type TicketQuery = SelectQueryBuilder<Database, 'ticket', object>;

/** Every status but closed, listed: an index seeks a list of values, not a `!=`. */
const openStatuses = ticketStatuses.filter((status) => status !== 'closed');

/**
 * The agent workspace's views; `closedSince` bounds "recently closed". A sorted list asks for open
 * tickets with `!=`, so that SQLite walks the sort's index; a count asks for the open statuses by
 * name, which it seeks in the status indexes.
 */
export function inView(q: TicketQuery, actor: Actor, view: View, closedSince: string, { sortedList = false } = {}): TicketQuery {
  const open = (query: TicketQuery) => (sortedList ? query.where('ticket.status', '!=', 'closed') : query.where('ticket.status', 'in', openStatuses));
  switch (view) {
    case 'unassigned':
      return open(q.where('ticket.assignee_id', 'is', null));
    case 'mine':
      return open(q.where('ticket.assignee_id', '=', actor.id));
    case 'open':
      return open(q);
    case 'waiting':
      return q.where(sortedList ? unindexedStatus : 'ticket.status', 'in', ['waiting_customer', 'solution_proposed']);
    case 'recently_closed':
      // By closing time (ticket_closed), never by the status index of every closed ticket.
      return q.where(unindexedStatus, '=', 'closed').where('ticket.closed_at', '>=', closedSince);
  }
}

/**
 * The status as SQLite's planner must not use it: `status || ''` is the same text to both
 * engines but matches no index, which keeps a sorted list on the sort's.
 */
const unindexedStatus = sql<string>`(ticket.status || '')`;

/** Where "recently closed" begins: a week ago. */
export const recentlyClosedSince = () => new Date(Date.now() - 7 * 86_400_000).toISOString();

/**
 * Everything that decides a list query's SQL text; what a list asks for beyond it (the ids, the
 * dates, the words, the cursor's values) is bound as values (`listPlan`).
 */
type ListShape = {
  dialect: DialectName;
  role: Actor['staffRole'];
  /** How many companies the actor sees all tickets of, and how many only their own ones of. */
  seeAll: number;
  ownOnly: number;
  groups: number;
  view: View | null;
  serviceLine: boolean;
  channel: boolean;
  statuses: number;
  from: boolean;
  to: boolean;
  /** `walk`: read the SQLite full-text index in rowid order (see listTickets); `match`: filter by number or words. */
  search: 'none' | 'walk' | 'match';
  byNumber: boolean;
  byWords: boolean;
  sort: Sort;
  direction: 'asc' | 'desc';
  cursor: boolean;
  /** Rows to read: the page and one more, to know whether another follows (see inlineLimit). */
  limit: number;
};

/** An actor made of placeholders, with the shape's roles and counts, for `readableBy` and the views. */
function actorOfShape(shape: ListShape, value: ValueOf): Actor {
  const member = (seesAllTickets: boolean, name: string) => ({
    companyId: value<number>(name),
    companyName: '',
    isPortalAdmin: false,
    seesAllTickets,
    mayRequestConsulting: false,
  });
  return {
    id: value('actorId'),
    email: value('actorEmail'),
    name: '',
    language: 'pt-BR',
    staffRole: shape.role,
    memberships: [
      ...Array.from({ length: shape.seeAll }, (_, i) => member(true, `seeAll${i}`)),
      ...Array.from({ length: shape.ownOnly }, (_, i) => member(false, `ownOnly${i}`)),
    ],
    groupIds: Array.from({ length: shape.groups }, (_, i) => value<number>(`group${i}`)),
  };
}

/** The list query of a shape; its values are named as `listValues` names them. */
function buildList(db: Kysely<Database>, shape: ListShape, value: ValueOf) {
  const actor = actorOfShape(shape, value);
  const columns = sorts[shape.sort];
  const op = shape.direction === 'desc' ? '<' : '>';
  let q: TicketQuery = db.selectFrom('ticket').where(readableBy(actor, { groupIndex: false }));
  if (shape.view) q = inView(q, actor, shape.view, value('closedSince'), { sortedList: true });
  if (shape.serviceLine) q = q.where('ticket.service_line_id', '=', value<number>('serviceLineId'));
  if (shape.channel) {
    q = q.where('ticket.service_line_id', 'in', (eb) =>
      eb.selectFrom('service_line').innerJoin('channel', 'channel.id', 'service_line.channel_id').select('service_line.id').where('channel.key', '=', value<string>('channel')),
    );
  }
  if (shape.statuses) q = q.where(unindexedStatus, 'in', Array.from({ length: shape.statuses }, (_, i) => value<string>(`status${i}`)));
  if (shape.from) q = q.where('ticket.created_at', '>=', value<string>('from'));
  if (shape.to) q = q.where('ticket.created_at', '<', value<string>('to'));
  if (shape.search === 'walk') {
    q = q.innerJoin('ticket_search', 'ticket_search.rowid', 'ticket.id').where('ticket_search', '=', value<string>('words'));
    if (shape.cursor) q = q.where(sql.ref('ticket_search.rowid'), op, value<number>('cursorId'));
  } else if (shape.search === 'match') {
    q = q.where(matches(shape, value));
  }
  if (shape.cursor) {
    const id = value<number>('cursorId');
    // A row-value comparison, (c1, c2, id) < (v1, v2, last id), lets both engines seek the index.
    q = q.where((eb) =>
      columns.length === 1
        ? eb(eb.refTuple(columns[0]!, 'ticket.id'), op, eb.tuple(value<string>('cursor0'), id))
        : eb(eb.refTuple(columns[0]!, columns[1]!, 'ticket.id'), op, eb.tuple(value<string>('cursor0'), value<string>('cursor1'), id)),
    );
  }
  const order = shape.search === 'walk' ? ['ticket_search.rowid'] : [...columns, 'ticket.id'];
  let ordered = summaryJoins(q).select([summaryJson(shape.dialect, shape.role).as('json'), cursorLine(shape.dialect, columns).as('cursor')]);
  for (const column of order) ordered = ordered.orderBy(sql.ref(column), shape.direction);
  return pageOf(db, shape.dialect, ordered.limit(inlineLimit(shape.limit)), order, shape.direction);
}

/**
 * The rows of a list as one JSON array in bytes (the rows' JSON joined by `,` and a newline, which
 * JSON text never holds raw) and their cursors, one per line. The route sends the bytes as they
 * come: 26 rows of 2 strings decoded from UTF-8, joined and encoded again were a tenth of a
 * list's CPU (docs/benchmarks.md). SQLite runs a subquery with a LIMIT apart from the aggregate
 * over it (it never flattens the two) and feeds it the rows in their order; its documentation
 * leaves group_concat's order open, so the list tests check every sort's order. PostgreSQL is
 * told the order.
 */
function pageOf<DB, TB extends keyof DB>(
  db: Kysely<Database>,
  dialect: DialectName,
  list: SelectQueryBuilder<DB, TB, { json: string; cursor: string }>,
  order: string[],
  direction: 'asc' | 'desc',
) {
  if (dialect === 'sqlite') {
    return db
      .selectFrom(list.as('page'))
      .select([
        sql<Buffer>`cast('[' || coalesce(group_concat(page.json, ',' || char(10)), '') || ']' as blob)`.as('tickets'),
        sql<string | null>`group_concat(page.cursor, char(10))`.as('cursors'),
      ]);
  }
  const position = sql<number>`row_number() over (order by ${sql.join(order.map((column) => sql`${sql.ref(column)} ${sql.raw(direction)}`))})`;
  return db
    .selectFrom(list.select(position.as('position')).as('page'))
    .select([
      sql<Buffer>`convert_to('[' || coalesce(string_agg(page.json, E',\n' order by page.position), '') || ']', 'UTF8')`.as('tickets'),
      sql<string | null>`string_agg(page.cursor, E'\n' order by page.position)`.as('cursors'),
    ]);
}

/** Search by ticket number or by words of the summary and incident (FTS5 / PostgreSQL full text). */
function matches(shape: ListShape, value: ValueOf) {
  return (eb: ExpressionBuilder<Database, 'ticket'>) => {
    const branches = [];
    if (shape.byNumber) branches.push(eb('ticket.number', '=', value<number>('number')));
    if (shape.byWords && shape.dialect === 'sqlite') {
      branches.push(eb('ticket.id', 'in', sql<number>`(select rowid from ticket_search where ticket_search match ${value<string>('words')})`));
    } else if (shape.byWords) {
      branches.push(sql<boolean>`ticket.search @@ to_tsquery('portuguese', ${value<string>('words')})`);
    }
    return branches.length ? eb.or(branches) : eb.lit(false);
  };
}

/** The shape and values of the list an actor asks for. */
function listPlan(dialect: DialectName, actor: Actor, query: TicketListQuery): { shape: ListShape; values: Record<string, unknown> } {
  const sort = sortOf(query);
  const direction = sort === 'criticality' ? 'asc' : query.order;
  const seeAll = actor.memberships.filter((m) => m.seesAllTickets).map((m) => m.companyId);
  const ownOnly = actor.memberships.filter((m) => !m.seesAllTickets).map((m) => m.companyId);
  // Customers never see "on hold": to them it is in progress, and filtering follows.
  const statuses = !query.status ? [] : !actor.staffRole && query.status === 'in_progress' ? ['in_progress', 'on_hold'] : [query.status];
  const byNumber = query.q !== undefined && isTicketNumber(query.q);
  const words = query.q ? (dialect === 'sqlite' ? ftsQuery(query.q) : tsQuery(query.q)) : undefined;
  const byNumberOrder = sorts[sort].length === 1 && sorts[sort][0] === 'ticket.number';
  const search = !query.q ? 'none' : dialect === 'sqlite' && !byNumber && words !== undefined && byNumberOrder ? 'walk' : 'match';
  const cursor = query.cursor ? decodeCursor(query.cursor, sorts[sort]) : undefined;
  // The period is of calendar days where the reader is.
  const zone = query.tz ?? 'UTC';
  const values: Record<string, unknown> = {
    actorId: actor.id,
    actorEmail: actor.email,
    closedSince: query.view === 'recently_closed' ? recentlyClosedSince() : undefined,
    serviceLineId: query.serviceLineId,
    channel: query.channel,
    from: query.from && startOfDay(query.from, zone).toISOString(),
    to: query.to && endOfDay(query.to, zone).toISOString(),
    number: byNumber ? Number(query.q) : undefined,
    words: words && dialect === 'sqlite' ? scopedFtsQuery(actor, words) : words,
    cursorId: cursor?.id,
  };
  seeAll.forEach((id, i) => (values[`seeAll${i}`] = id));
  ownOnly.forEach((id, i) => (values[`ownOnly${i}`] = id));
  actor.groupIds.forEach((id, i) => (values[`group${i}`] = id));
  statuses.forEach((status, i) => (values[`status${i}`] = status));
  cursor?.v.forEach((v, i) => (values[`cursor${i}`] = v));
  const shape: ListShape = {
    dialect,
    role: actor.staffRole,
    seeAll: seeAll.length,
    ownOnly: ownOnly.length,
    groups: actor.groupIds.length,
    view: query.view ?? null,
    serviceLine: query.serviceLineId !== undefined,
    channel: query.channel !== undefined,
    statuses: statuses.length,
    from: query.from !== undefined,
    to: query.to !== undefined,
    search,
    byNumber,
    byWords: words !== undefined,
    sort,
    direction,
    cursor: cursor !== undefined,
    limit: query.limit + 1,
  };
  return { shape, values };
}

/** The list query of each database handle, compiled once per shape. */
const listQueries = new WeakMap<Db, ReturnType<typeof listQueryOf>>();
const listQueryOf = (db: Db) => queryByShape<ListShape, { tickets: Buffer; cursors: string | null }>(db, (shape, value) => buildList(db, shape, value));

/**
 * One page of the tickets the actor may read, filtered, searched and sorted, with keyset paging:
 * the summaries as one JSON array (`summaryJson`, `pageOf`) and the cursor after the page. The
 * query is compiled once per shape of list (`queryByShape`): a list is asked for far more often
 * than its SQL changes.
 *
 * A search by words in number order (also "created": see `sorts`) reads the SQLite full-text
 * index in rowid order and stops at the page: ids and numbers grow together (a number is taken in
 * the transaction that inserts the row, one writer at a time), so rowid order is number order.
 */
export async function listTickets(db: Db, actor: Actor, query: TicketListQuery): Promise<{ tickets: Buffer; nextCursor: string | null }> {
  let run = listQueries.get(db);
  if (!run) listQueries.set(db, (run = listQueryOf(db)));
  const { shape, values } = listPlan(db.dialectName, actor, query);
  const [{ tickets, cursors }] = (await run(shape, values)) as [{ tickets: Buffer; cursors: string | null }];
  const cursorOf = cursors ? cursors.split('\n') : [];
  // One row more than the page was read, to know whether another page follows: it is dropped here.
  if (cursorOf.length <= query.limit) return { tickets, nextCursor: null };
  const beforeExtraRow = tickets.lastIndexOf(',\n');
  const page = tickets.subarray(0, beforeExtraRow + 1);
  page[beforeExtraRow] = ']'.charCodeAt(0);
  return { tickets: page, nextCursor: encodeCursor(cursorOf[query.limit - 1]!, sorts[shape.sort]) };
}
