import { sql, type Kysely } from 'kysely';
import { countCap, type BuiltInView } from '../../../contracts/views';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import { inlineLimit } from '../../db/limit';
import { queryByShape, type ValueOf } from '../../db/prepared';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';
import { applyFilters, filterPlan, type FilterShape, type TicketFilters } from './tickets.filters';
import { actorOfShape, dueSoonBefore, inView, matches, recentlyClosedSince } from './tickets.list';
import { ftsQuery, isTicketNumber, scopedFtsQuery, tsQuery } from './tickets.search';
import { readableBy } from './tickets.policy';

/** What a count is of: a built-in view, filters, words, or all of them together (a saved view). */
export type CountQuery = TicketFilters & { view?: BuiltInView; q?: string };

/** Everything that decides a count's SQL text; the rest is bound as values. */
type CountShape = {
  dialect: DialectName;
  role: Actor['staffRole'];
  seeAll: number;
  ownOnly: number;
  groups: number;
  view: BuiltInView | null;
  filters: FilterShape;
  byNumber: boolean;
  byWords: boolean;
};

/**
 * A count that stops at `countCap` + 1 tickets: a view holding more shows "99+". The tickets
 * are read by whichever index seeks the filters best (a count needs no order): the open views of
 * the status and assignee indexes that hold the group (migrations 003, 007), "recently closed"
 * of the closing index with the group and status (013), a tag of the tag's index. An exact count
 * would read every open ticket of the actor's groups: at 1,000,000 tickets, 100,000 of them.
 */
function buildCount(db: Kysely<Database>, shape: CountShape, value: ValueOf) {
  const actor = actorOfShape(shape, value);
  // The group index serves the open views' counts; "recently closed" is read by its closing time,
  // "Vencendo" and "Violados" by the open tickets' due and breach times (few of all the groups' tickets).
  let q = db.selectFrom('ticket').where(readableBy(actor, { groupIndex: !readByTime(shape.view) }));
  if (shape.view) q = inView(q, actor, shape.view, value('closedSince'), { dueBefore: value('dueSoonBefore') });
  q = applyFilters(q, shape.dialect, shape.filters, value, { sortedList: false });
  if (shape.byNumber || shape.byWords) q = q.where(matches(shape, value));
  const capped = q.select(sql<number>`1`.as('one')).limit(inlineLimit(countCap + 1));
  return db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** The views a count reads from an index of times, not of the groups. */
export const readByTime = (view: BuiltInView | null) => view === 'recently_closed' || view === 'due_soon' || view === 'breached';

const countQueries = new WeakMap<Db, ReturnType<typeof countQueryOf>>();
const countQueryOf = (db: Db) => queryByShape<CountShape, { n: number }>(db, (shape, value) => buildCount(db, shape, value));

/** How many tickets the actor reads in a view or filter, up to `countCap` (then `capped`); compiled once per shape. */
export async function countTickets(db: Db, actor: Actor, query: CountQuery): Promise<{ count: number; capped: boolean }> {
  let run = countQueries.get(db);
  if (!run) countQueries.set(db, (run = countQueryOf(db)));
  const seeAll = actor.memberships.filter((m) => m.seesAllTickets).map((m) => m.companyId);
  const ownOnly = actor.memberships.filter((m) => !m.seesAllTickets).map((m) => m.companyId);
  const byNumber = query.q !== undefined && isTicketNumber(query.q);
  const words = query.q ? (db.dialectName === 'sqlite' ? ftsQuery(query.q) : tsQuery(query.q)) : undefined;
  const values: Record<string, unknown> = {
    actorId: actor.id,
    actorEmail: actor.email,
    closedSince: query.view === 'recently_closed' ? recentlyClosedSince() : undefined,
    dueSoonBefore: query.view === 'due_soon' ? dueSoonBefore() : undefined,
    number: byNumber ? Number(query.q) : undefined,
    words: words && db.dialectName === 'sqlite' ? scopedFtsQuery(actor, words) : words,
  };
  seeAll.forEach((id, i) => (values[`seeAll${i}`] = id));
  ownOnly.forEach((id, i) => (values[`ownOnly${i}`] = id));
  actor.groupIds.forEach((id, i) => (values[`group${i}`] = id));
  const shape: CountShape = {
    dialect: db.dialectName,
    role: actor.staffRole,
    seeAll: seeAll.length,
    ownOnly: ownOnly.length,
    groups: actor.groupIds.length,
    view: query.view ?? null,
    filters: filterPlan(actor, query, values),
    byNumber,
    byWords: words !== undefined,
  };
  const [row] = await run(shape, values);
  const n = Number(row?.n ?? 0);
  return n > countCap ? { count: countCap, capped: true } : { count: n, capped: false };
}
