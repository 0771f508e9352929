import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Db } from './database';
import type { Database } from './schema';

/** The statements writeTransaction runs on a raw SQLite handle, prepared once when it is opened. */
export type SqliteTransactions = {
  /** The connection's busy timeout (ms): how long a writer may wait for the write lock in all. */
  busyTimeout(): number;
  /** `begin immediate`, failing at once with SQLITE_BUSY instead of sleeping in SQLite's busy handler. */
  beginWithoutWaiting(): void;
  commit(): void;
  /** Rolls back, unless SQLite already has (some errors end the transaction themselves). */
  rollback(): void;
};

export function sqliteTransactions(sqlite: SQLite.Database): SqliteTransactions {
  const readBusyTimeout = sqlite.prepare<[], number>('pragma busy_timeout').pluck();
  // A pragma takes no parameters: one statement per value set (in practice 0 and the configured one).
  const setBusyTimeout = new Map<number, SQLite.Statement>();
  const busyTimeoutOf = (ms: number) => {
    let statement = setBusyTimeout.get(ms);
    if (!statement) setBusyTimeout.set(ms, (statement = sqlite.prepare(`pragma busy_timeout = ${ms}`)));
    return statement;
  };
  const beginImmediate = sqlite.prepare('begin immediate');
  const commit = sqlite.prepare('commit');
  const rollback = sqlite.prepare('rollback');
  return {
    busyTimeout: () => readBusyTimeout.get()!,
    beginWithoutWaiting() {
      const timeout = readBusyTimeout.get()!;
      busyTimeoutOf(0).run();
      try {
        beginImmediate.run();
      } finally {
        busyTimeoutOf(timeout).run();
      }
    },
    commit() {
      commit.run();
    },
    rollback() {
      if (sqlite.inTransaction) rollback.run();
    },
  };
}

const isBusy = (error: unknown) => String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/**
 * Runs `body` in a write transaction. On SQLite, when another process holds the write lock,
 * SQLite's busy handler would sleep inside the statement and stop this process's event loop
 * meanwhile; instead `begin` fails at once and is tried again every millisecond (a failed
 * attempt costs microseconds; a longer pause let openings pile up behind a lock held for about
 * one) until the connection's busy timeout has passed, so this process keeps serving while it
 * waits its turn. Between attempts the connection is free for the process's other queries.
 * On PostgreSQL a writer waits for a row lock without blocking the process anyway.
 */
export async function writeTransaction<T>(db: Db, body: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const statements = db.sqliteTransactions;
  if (!statements) return db.transaction().execute(body);
  const deadline = Date.now() + statements.busyTimeout();
  for (;;) {
    const outcome = await db.connection().execute(async (conn) => {
      try {
        statements.beginWithoutWaiting();
      } catch (error) {
        if (isBusy(error) && Date.now() < deadline) return undefined;
        throw error;
      }
      try {
        const value = await body(conn);
        statements.commit();
        return { value };
      } catch (error) {
        statements.rollback();
        throw error;
      }
    });
    if (outcome) return outcome.value;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
