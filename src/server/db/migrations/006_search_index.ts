import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * SQLite: the ticket search index rebuilt lighter, and merged by the maintenance thread.
 *
 * - `detail=column`: the index keeps which column holds a word, not its positions. A search is
 *   of whole words or prefixes within columns (tickets.list.ts), never of phrases, and the index
 *   is about 40 % smaller: each opening writes less, and merging segments costs less.
 * - `automerge = 0`: FTS5 writes a segment per transaction; with automerge on, the writer that
 *   completes a level merges it inside its transaction (up to 100 ms at 1M tickets). The
 *   maintenance thread (maintenance.worker.ts) merges them instead.
 *
 * Rebuilding reads every ticket once (about 12 s at 1M tickets). PostgreSQL's GIN index needs
 * nothing of the kind.
 */
export const searchIndex: DialectMigration = {
  async up(db, d) {
    if (d.name !== 'sqlite') return;
    // The triggers of 002 name the table; they write into the new one.
    await sql`drop table ticket_search`.execute(db);
    await sql`create virtual table ticket_search using fts5(scope, summary, incident, content='',
      contentless_delete=1, detail=column, tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`insert into ticket_search(rowid, scope, summary, incident)
      select id, 'c' || company_id || ' g' || coalesce(group_id, 0), summary, incident from ticket`.execute(db);
    await sql`insert into ticket_search(ticket_search) values ('optimize')`.execute(db);
    await sql`insert into ticket_search(ticket_search, rank) values ('automerge', 0)`.execute(db);
  },
};
