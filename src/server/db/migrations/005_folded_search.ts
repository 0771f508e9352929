import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * PostgreSQL's `unaccent` for searches that ignore accents (text-search.ts); SQLite gets the same
 * from a function each connection registers. A trusted extension: the database owner may add it.
 */
export const foldedSearch: DialectMigration = {
  async up(db, d) {
    if (d.name === 'postgres') await sql`create extension if not exists unaccent schema public`.execute(db);
  },
};
