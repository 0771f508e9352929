import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';

/** Whether an error is SQLite's "another connection holds the lock" (SQLITE_BUSY and its extended codes). */
export const isSqliteBusy = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');

/** better-sqlite3 refuses booleans and Dates as parameters; PostgreSQL takes both. */
export const bindable = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p instanceof Date ? p.toISOString() : p));

/** A connection's statements, prepared once per SQL text; queries with inlined lists vary, so the cache is bounded. */
export function statementCache(sqlite: SQLite.Database): (sql: string) => SQLite.Statement {
  const statements = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 1000) statements.delete(statements.keys().next().value!);
      statements.set(sql, (statement = sqlite.prepare(sql)));
    }
    return statement;
  };
}

/** One connection, one user at a time: Kysely's turn for it (a transaction holds it to its end). */
function turns() {
  let current: Promise<void> | undefined;
  let release: (() => void) | undefined;
  return {
    async take() {
      while (current) await current;
      current = new Promise<void>((resolve) => (release = resolve));
    },
    give() {
      const resolve = release;
      current = release = undefined;
      resolve?.();
    },
  };
}

/**
 * Kysely's dialect for the write connection. SQLite's busy handler would sleep inside a statement
 * that needs the write lock while another process holds it, and stop this process's event loop
 * meanwhile (up to the busy timeout: every request of the process waited, then failed). So the
 * connection has no busy timeout: such a statement fails at once with SQLITE_BUSY, having done
 * nothing, and is tried again every millisecond until `busyTimeoutMs` has passed, with the
 * connection given back to the process's other queries between two attempts. That holds for
 * every statement run outside a transaction (an autocommit write, better-auth's writes) and for
 * `begin`, which takes the write lock at once (`begin immediate`: every transaction here writes,
 * and one begun deferred would fail half-way when another process wrote first). Once the timeout
 * has passed the SQLITE_BUSY error stands, and the request gets 503 (db/unavailable.ts).
 *
 * Also: parameters made bindable, so that every query is written once for both engines, and
 * statements prepared once per SQL text (Kysely's own dialect prepares them on every run).
 */
export function sqliteDialect(sqlite: SQLite.Database, { busyTimeoutMs }: { busyTimeoutMs: number }): Dialect {
  sqlite.pragma('busy_timeout = 0');
  const statementOf = statementCache(sqlite);
  const turn = turns();

  const run = (statement: SQLite.Statement, parameters: readonly unknown[]): QueryResult<unknown> => {
    if (statement.reader) return { rows: statement.all(bindable(parameters)) };
    const { changes, lastInsertRowid } = statement.run(bindable(parameters));
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  };

  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const statement = statementOf(query.sql);
      let deadline: number | undefined;
      for (;;) {
        // Inside a transaction the lock is held already, and the statement is the transaction's to retry or not.
        const inTransaction = sqlite.inTransaction;
        try {
          return run(statement, query.parameters) as QueryResult<R>;
        } catch (error) {
          if (!isSqliteBusy(error) || inTransaction) throw error;
          deadline ??= Date.now() + busyTimeoutMs;
          if (Date.now() >= deadline) throw error;
        }
        turn.give();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await turn.take();
      }
    },
    async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
      for (const row of statementOf(query.sql).iterate(bindable(query.parameters))) yield { rows: [row as R] };
    },
  };

  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => {
      await turn.take();
      return connection;
    },
    beginTransaction: async (conn) => void (await conn.executeQuery(CompiledQuery.raw('begin immediate'))),
    commitTransaction: async (conn) => void (await conn.executeQuery(CompiledQuery.raw('commit'))),
    // Some errors (a full disk, say) end the transaction themselves; a second rollback would hide them.
    rollbackTransaction: async (conn) => {
      if (sqlite.inTransaction) await conn.executeQuery(CompiledQuery.raw('rollback'));
    },
    releaseConnection: async () => turn.give(),
    destroy: async () => void sqlite.close(),
  };

  return {
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createAdapter: () => new SqliteAdapter(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
}
