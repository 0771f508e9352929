import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * SQLite: the ticket search index leaves merging its segments to the maintenance thread
 * (maintenance.worker.ts), so that no opening merges them inside its transaction. PostgreSQL's
 * GIN index needs nothing of the kind.
 */
export const searchMerges: DialectMigration = {
  async up(db, d) {
    if (d.name === 'sqlite') await sql`insert into ticket_search(ticket_search, rank) values ('automerge', 0)`.execute(db);
  },
};
