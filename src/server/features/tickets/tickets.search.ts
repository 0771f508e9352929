import type { TicketListQuery } from '../../../contracts/tickets';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import { preparedQuery } from '../../db/prepared';
import type { Actor } from '../auth/auth.actor';

export const isTicketNumber = (text: string) => /^\d{1,9}$/.test(text);

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

/** The words in summary or incident, whoever's the ticket. */
export const unscopedFtsQuery = (words: string) => `{summary incident} : (${words})`;

/** Past this many matches, a staff search in another order than the number's probes the sort's index (`matchesMany`). */
export const probeAbove = 2000;
const matchCounts = new WeakMap<Db, (words: string) => Promise<{ n: number; low: number | null }[]>>();

/**
 * Whether a staff search on SQLite in an order other than the number's matches so many tickets
 * that walking the sort's index and looking each row up among the matches beats reading every
 * match and sorting them (1–2 s for a common word at 1M tickets), and from which ticket on the
 * newest `probeAbove` matches are (`recentFrom`, see buildList). The newest 2,001 matches are
 * read from the index in rowid order, stopping there; a rarer search reads and sorts its matches.
 */
export async function matchesMany(db: Db, actor: Actor, query: TicketListQuery, numberOrder: boolean): Promise<{ recentFrom: number } | undefined> {
  // By criticality, each level's matches are read in opening order instead (see rankedSearch).
  if (db.dialectName !== 'sqlite' || !actor.staffRole || !query.q || isTicketNumber(query.q) || numberOrder || query.sort === 'criticality') return undefined;
  const words = ftsQuery(query.q);
  if (!words) return undefined;
  let count = matchCounts.get(db);
  if (!count) {
    count = preparedQuery(db, 1, (text: string) =>
      db
        .selectFrom(
          db.selectFrom('ticket_search').select('rowid').where('ticket_search', '=', text).orderBy('rowid', 'desc').limit(inlineLimit(probeAbove + 1)).as('matched'),
        )
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number>('matched.rowid').as('low')]),
    );
    matchCounts.set(db, count);
  }
  const [row] = await count(unscopedFtsQuery(words));
  if (Number(row?.n ?? 0) <= probeAbove) return undefined;
  // The oldest of the 2,001 read is one past the newest 2,000.
  return { recentFrom: Number(row!.low) + 1 };
}
