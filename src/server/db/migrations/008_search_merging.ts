import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * SQLite: the search index merges 16 segments of a level at a time instead of FTS5's 4.
 *
 * FTS5 merges a level once it holds `usermerge` segments, whatever their sizes. A full index
 * (rebuilt by 006, or grown over years) is one large segment on a low level; with 4, the
 * segments of a few thousand groups of openings reach that level and the next merge rewrites
 * the whole index: at 1M tickets 34,000 pages, seconds of the write lock in the maintenance
 * thread's steps, each of which every opening meanwhile waits for (p99 of openings 77–98 ms
 * against 13–15 ms with 16). With 16 the large segment waits for 15 others of its level, and
 * each ticket's words are rewritten about half as often (log₁₆ levels instead of log₄).
 * The cost is on searches, which read each segment: up to 15 per level instead of 3.
 *
 * `crisismerge` (FTS5 merges inside the writer's transaction once a level holds that many) must
 * stay above `usermerge`, or every opening that completed a level would merge it itself; 64
 * leaves the maintenance thread room to catch up.
 */
export const searchMerging: DialectMigration = {
  async up(db, d) {
    if (d.name !== 'sqlite') return;
    await sql`insert into ticket_search(ticket_search, rank) values ('usermerge', 16)`.execute(db);
    await sql`insert into ticket_search(ticket_search, rank) values ('crisismerge', 64)`.execute(db);
  },
};
