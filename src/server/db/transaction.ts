import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Runs `work` in `db`'s transaction, or in a new one when `db` is not one (bulk actions and macros pass theirs). */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
