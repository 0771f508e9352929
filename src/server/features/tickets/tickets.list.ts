import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { levels } from '../../../contracts/criticality';
import type { TicketListQuery } from '../../../contracts/tickets';
import { dueSoonHours } from '../../../contracts/views';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import { inlineLimit } from '../../db/limit';
import { queryByShape, type ValueOf } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { applyFilters, filterPlan, isOpen, isWaiting, openStatuses, unindexed, type FilterShape } from './tickets.filters';
import { readableBy } from './tickets.policy';
import { ftsQuery, isTicketNumber, matchesMany, probeAbove, scopedFtsQuery, tsQuery, unscopedFtsQuery } from './tickets.search';
import { cursorLine, staffListJoins, summaryJoins, summaryJson } from './tickets.summary';

type Sort = NonNullable<TicketListQuery['sort']>;
type SortKey = 'ticket.updated_at' | 'ticket.created_at' | 'ticket.number' | 'ticket.criticality_rank' | 'ticket.sla_due_at';
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
  // The next SLA due time, soonest first: the open tickets with a running clock (migration 016's index).
  due: ['ticket.sla_due_at'],
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

/** The sort of a list: as asked, else newest first by number for a search and by last update otherwise. */
export function sortOf(query: TicketListQuery): Sort {
  return query.sort ?? (query.q ? 'number' : 'updated');
}

type TicketQuery = SelectQueryBuilder<Database, 'ticket', object>;

/**
 * The agent workspace's views; `closedSince` bounds "recently closed". A sorted list asks for open
 * tickets as the open tickets' indexes are declared (`isOpen`), so that it walks the one in the
 * sort's order; a count asks for the open statuses by name, which it seeks in the status indexes.
 * The waiting statuses are open ones, so a waiting list walks the open tickets' indexes too.
 * Every ticket's last update is at or after its closing (a closing writes both, `closed_at`
 * first), so "recently closed" by update also bounds the update time, which it seeks.
 */
export function inView(
  q: TicketQuery,
  actor: Actor,
  view: View,
  closedSince: string,
  { sortedList = false, sort, dueBefore }: { sortedList?: boolean; sort?: Sort; dueBefore?: string } = {},
): TicketQuery {
  const open = (query: TicketQuery) => (sortedList ? query.where(isOpen) : query.where('ticket.status', 'in', openStatuses));
  switch (view) {
    // The SLA views read the open tickets' due and breach indexes (migration 016), counts too.
    case 'due_soon':
      return q.where(isOpen).where('ticket.sla_due_at', 'is not', null).where('ticket.sla_due_at', '<=', dueBefore ?? dueSoonBefore()).where('ticket.sla_breached_at', 'is', null);
    case 'breached':
      return q.where(isOpen).where('ticket.sla_breached_at', 'is not', null);
    case 'unassigned':
      return open(q.where('ticket.assignee_id', 'is', null));
    case 'mine':
      return open(q.where('ticket.assignee_id', '=', actor.id));
    case 'open':
      return open(q);
    case 'waiting':
      // By criticality, the waiting tickets' own index (migration 013): the open one would first
      // walk every older ticket on hold.
      if (sortedList && sort === 'criticality') return q.where(isWaiting);
      return sortedList
        ? q.where(unindexedStatus, 'in', ['waiting_customer', 'solution_proposed']).where(isOpen)
        : q.where('ticket.status', 'in', ['waiting_customer', 'solution_proposed']);
    case 'recently_closed':
      // By closing time (ticket_closed), never by the status index of every closed ticket.
      return q.where(unindexedStatus, '=', 'closed').where('ticket.closed_at', '>=', closedSince).$if(sort === 'updated', (qb) => qb.where('ticket.updated_at', '>=', closedSince));
  }
}

/**
 * The status as SQLite's planner must not use it: `status || ''` is the same text to both
 * engines but matches no index, which keeps a sorted list on the sort's.
 */
const unindexedStatus = sql<string>`(ticket.status || '')`;

/** Where "Vencendo" ends: `dueSoonHours` from now. */
export const dueSoonBefore = () => new Date(Date.now() + dueSoonHours * 3_600_000).toISOString();

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
  channel: boolean;
  filters: FilterShape;
  /**
   * `walk`: read the SQLite full-text index in rowid order (see listTickets); `match`: filter by
   * number or words; `probe`: walk the sort's index and look each row up among the matches;
   * `rank`: read one criticality's matches from the full-text index in rowid order (`listTickets`).
   */
  search: 'none' | 'walk' | 'match' | 'probe' | 'rank';
  byNumber: boolean;
  byWords: boolean;
  sort: Sort;
  direction: 'asc' | 'desc';
  cursor: boolean;
  /** Rows to read: the page and one more, to know whether another follows (see inlineLimit). */
  limit: number;
};

/** An actor made of placeholders, with the shape's roles and counts, for `readableBy` and the views. */
export function actorOfShape(shape: Pick<ListShape, 'role' | 'seeAll' | 'ownOnly' | 'groups'>, value: ValueOf): Actor {
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
  if (shape.view) q = inView(q, actor, shape.view, value('closedSince'), { sortedList: true, sort: shape.sort, dueBefore: value('dueSoonBefore') });
  // Only open tickets have a due time, and only those with one are in its order.
  if (shape.sort === 'due') q = q.where(isOpen).where('ticket.sla_due_at', 'is not', null);
  q = applyFilters(q, shape.dialect, shape.filters, value, { sortedList: true, sort: shape.sort });
  if (shape.channel) {
    q = q.where('ticket.service_line_id', 'in', (eb) =>
      eb.selectFrom('service_line').innerJoin('channel', 'channel.id', 'service_line.channel_id').select('service_line.id').where('channel.key', '=', value<string>('channel')),
    );
  }
  if (shape.search === 'walk' || shape.search === 'rank') {
    q = q.innerJoin('ticket_search', 'ticket_search.rowid', 'ticket.id').where('ticket_search', '=', value<string>('words'));
    if (shape.cursor) q = q.where(sql.ref('ticket_search.rowid'), op, value<number>('cursorId'));
  } else if (shape.search === 'match') {
    q = q.where(matches(shape, value));
  } else if (shape.search === 'probe') {
    // Each row the walk meets is looked up in the full-text index by its rowid (≈ 3.5 µs). By
    // last update, newest first, the rows are mostly of recent tickets: the newest matches (read
    // from the index in rowid order, stopping there) are a set to look those up in instead.
    const words = value<string>('words');
    const matched = sql<boolean>`exists (select 1 from ticket_search where ticket_search match ${words} and rowid = ticket.id)`;
    if (shape.sort === 'updated' && shape.direction === 'desc') {
      const recent = value<number>('recentFrom');
      q = q.where((eb) =>
        eb.or([
          eb.and([
            eb(sql`+ticket.id`, '>=', recent),
            eb(sql`+ticket.id`, 'in', sql<number>`(select rowid from ticket_search where ticket_search match ${words} order by rowid desc limit ${sql.lit(probeAbove)})`),
          ]),
          eb.and([eb(sql`+ticket.id`, '<', recent), matched]),
        ]),
      );
    } else {
      q = q.where(matched);
    }
  }
  // By criticality and words, a level is read in rowid order: the cursor's id is where it goes on.
  if (shape.cursor && shape.search !== 'rank') {
    const id = value<number>('cursorId');
    // A row-value comparison, (c1, c2, id) < (v1, v2, last id), lets both engines seek the index.
    q = q.where((eb) =>
      columns.length === 1
        ? eb(eb.refTuple(columns[0]!, 'ticket.id'), op, eb.tuple(value<string>('cursor0'), id))
        : eb(eb.refTuple(columns[0]!, columns[1]!, 'ticket.id'), op, eb.tuple(value<string>('cursor0'), value<string>('cursor1'), id)),
    );
  }
  const order = shape.search === 'walk' || shape.search === 'rank' ? ['ticket_search.rowid'] : [...columns, 'ticket.id'];
  // "Recently closed" in another order than by update: its week is read from the closing index and
  // sorted, never by walking a sort's index through every older ticket.
  const sortsItsWeek = shape.view === 'recently_closed' && shape.sort !== 'updated';
  // A list SQLite sorts (the matches of a search, that week) is sorted as ids first: SQLite
  // computes a row's columns before sorting, so the page's JSON would be written for every match.
  const idsFirst = shape.dialect === 'sqlite' && (shape.search === 'match' || sortsItsWeek);
  const orderBy = <Q extends { orderBy: (e: RawBuilder<unknown>, d: 'asc' | 'desc') => Q }>(query: Q, hidden: boolean) =>
    order.reduce((acc, column) => acc.orderBy(hidden ? unindexed(shape.dialect, column) : sql.ref(column), shape.direction), query);
  if (idsFirst) {
    const page = orderBy(q.select('ticket.id'), sortsItsWeek).limit(inlineLimit(shape.limit));
    q = db.selectFrom('ticket').where('ticket.id', 'in', page);
  }
  const joined = shape.role ? staffListJoins(summaryJoins(q)) : summaryJoins(q);
  const selected = joined.select([summaryJson(shape.dialect, shape.role).as('json'), cursorLine(shape.dialect, columns).as('cursor')]);
  // The page's own order: its ids looked up and sorted, or the order of the index it walks.
  const ordered = orderBy(selected, sortsItsWeek || idsFirst);
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
export function matches(shape: Pick<ListShape, 'dialect' | 'byNumber' | 'byWords'>, value: ValueOf) {
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
function listPlan(dialect: DialectName, actor: Actor, query: TicketListQuery, manyMatches: { recentFrom: number } | undefined): { shape: ListShape; values: Record<string, unknown> } {
  const sort = sortOf(query);
  const direction = sort === 'criticality' || sort === 'due' ? 'asc' : query.order;
  const seeAll = actor.memberships.filter((m) => m.seesAllTickets).map((m) => m.companyId);
  const ownOnly = actor.memberships.filter((m) => !m.seesAllTickets).map((m) => m.companyId);
  const byNumber = query.q !== undefined && isTicketNumber(query.q);
  const words = query.q ? (dialect === 'sqlite' ? ftsQuery(query.q) : tsQuery(query.q)) : undefined;
  const byNumberOrder = sorts[sort].length === 1 && sorts[sort][0] === 'ticket.number';
  const fullText = dialect === 'sqlite' && !byNumber && words !== undefined;
  const search = !query.q ? 'none' : fullText && byNumberOrder ? 'walk' : fullText && sort === 'criticality' ? 'rank' : manyMatches ? 'probe' : 'match';
  const cursor = query.cursor ? decodeCursor(query.cursor, sorts[sort]) : undefined;
  const values: Record<string, unknown> = {
    actorId: actor.id,
    actorEmail: actor.email,
    closedSince: query.view === 'recently_closed' ? recentlyClosedSince() : undefined,
    dueSoonBefore: query.view === 'due_soon' ? dueSoonBefore() : undefined,
    channel: query.channel,
    number: byNumber ? Number(query.q) : undefined,
    // A probe reads every match once: the actor's scope, an OR of their groups, would cost more than it filters.
    words: words && dialect === 'sqlite' ? (search === 'probe' ? unscopedFtsQuery(words) : scopedFtsQuery(actor, words)) : words,
    cursorId: cursor?.id,
    recentFrom: manyMatches?.recentFrom,
  };
  seeAll.forEach((id, i) => (values[`seeAll${i}`] = id));
  ownOnly.forEach((id, i) => (values[`ownOnly${i}`] = id));
  actor.groupIds.forEach((id, i) => (values[`group${i}`] = id));
  // The period is of calendar days where the reader is (`tz`).
  const filters = filterPlan(actor, query, values);
  cursor?.v.forEach((v, i) => (values[`cursor${i}`] = v));
  const shape: ListShape = {
    dialect,
    role: actor.staffRole,
    seeAll: seeAll.length,
    ownOnly: ownOnly.length,
    groups: actor.groupIds.length,
    view: query.view ?? null,
    channel: query.channel !== undefined,
    filters,
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
  const { shape, values } = listPlan(db.dialectName, actor, query, await matchesMany(db, actor, query, sorts[sortOf(query)][0] === 'ticket.number'));
  if (shape.search === 'rank') return rankedSearch(run, shape, values, query.limit);
  const [{ tickets, cursors }] = (await run(shape, values)) as [{ tickets: Buffer; cursors: string | null }];
  const cursorOf = cursors ? cursors.split('\n') : [];
  // One row more than the page was read, to know whether another page follows: it is dropped here.
  if (cursorOf.length <= query.limit) return { tickets, nextCursor: null };
  const beforeExtraRow = tickets.lastIndexOf(',\n');
  const page = tickets.subarray(0, beforeExtraRow + 1);
  page[beforeExtraRow] = ']'.charCodeAt(0);
  return { tickets: page, nextCursor: encodeCursor(cursorOf[query.limit - 1]!, sorts[shape.sort]) };
}

/**
 * A search by criticality on SQLite: each level's matches ("k0" critical … "k4" in the index's
 * scope, migration 013) read in rowid order, which is opening order (see `sorts`), from the
 * cursor's level on, until the page is full; the levels after the cursor's start from their
 * first match.
 */
async function rankedSearch(run: ReturnType<typeof listQueryOf>, shape: ListShape, values: Record<string, unknown>, limit: number) {
  const rows: string[] = [];
  const lines: string[] = [];
  const first = shape.cursor ? Number(values.cursor0) : 0;
  for (let level = first; level < levels.length && lines.length <= limit; level++) {
    const [{ tickets, cursors }] = (await run(level === first ? shape : { ...shape, cursor: false }, { ...values, words: `scope : k${level} AND ${values.words as string}` })) as [
      { tickets: Buffer; cursors: string | null },
    ];
    if (!cursors) continue;
    lines.push(...cursors.split('\n'));
    // Rows are joined by `,` and a newline, which JSON text never holds raw (see pageOf).
    rows.push(...tickets.toString('utf8').slice(1, -1).split(',\n'));
  }
  const more = lines.length > limit;
  return {
    tickets: Buffer.from(`[${rows.slice(0, limit).join(',\n')}]`),
    nextCursor: more ? encodeCursor(lines[limit - 1]!, sorts[shape.sort]) : null,
  };
}
