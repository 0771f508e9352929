import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { fold } from './text-search';
import { sqliteTransactions, type SqliteTransactions } from './transaction';

/** Which engine a database handle talks to; a few queries differ by dialect. */
export type DialectName = 'sqlite' | 'postgres';

export type Db = Kysely<Database> & {
  dialectName: DialectName;
  /** The PostgreSQL schema this handle works in, when not the default one. */
  pgSchema?: string;
  /** SQLite: what writeTransaction (transaction.ts) runs on the raw handle, prepared once. */
  sqliteTransactions?: SqliteTransactions;
  /** SQLite file: runs a read on a second, read-only connection (see `withReadConnection`). */
  sqliteRead?: (sql: string, parameters: readonly unknown[]) => unknown[];
};

/**
 * Who copies the WAL into the database file: SQLite, inside the commit that takes the WAL past
 * 1000 pages ('automatic', the default), or the maintenance thread of maintenance.ts, which must
 * then run for the file ('background'): a request's commit never waits for the copy and its fsync.
 */
export type WalCheckpoints = 'automatic' | 'background';

export type DbOptions =
  | { kind: 'sqlite'; file: string; walCheckpoints?: WalCheckpoints }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

/** Opens the database: SQLite in WAL mode with foreign keys, or a PostgreSQL pool. */
export function openDatabase(options: DbOptions): Db {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Each test file gets its own schema; production uses the default search_path.
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return Object.assign(db, { dialectName: 'postgres' as const, pgSchema: options.schema });
  }
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const sqlite = new SQLite(options.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  if (options.walCheckpoints === 'background') sqlite.pragma('wal_autocheckpoint = 0');
  registerFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: bindableSqlite(sqlite) }) });
  const handle = Object.assign(db, { dialectName: 'sqlite' as const, sqliteTransactions: sqliteTransactions(sqlite) });
  // A second connection to ':memory:' would be another database.
  return options.file === ':memory:' ? handle : withReadConnection(handle, options.file);
}

function registerFunctions(sqlite: SQLite.Database): void {
  sqlite.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
}

/**
 * The reads every request makes (its session, the ticket lists, the catalog of an opening; see
 * prepared.ts) run on a second connection that only reads. Each runs in one synchronous call, so
 * it needs none of Kysely's turns for the one connection: a list no longer waits for a group of
 * openings that holds it between two statements, and it reads what is committed, never a write
 * in progress. The statements are prepared once per SQL text.
 */
function withReadConnection(db: Db, file: string): Db {
  const reader = new SQLite(file, { fileMustExist: true });
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 5000');
  registerFunctions(reader);
  const statementOf = statementCache(reader);
  const destroy = db.destroy.bind(db);
  return Object.assign(db, {
    sqliteRead: (sql: string, parameters: readonly unknown[]) => statementOf(sql).all(bindable(parameters)),
    destroy: async () => {
      await destroy();
      reader.close();
    },
  });
}

/** A connection's statements, prepared once per SQL text; queries with inlined lists vary, so the cache is bounded. */
function statementCache(sqlite: SQLite.Database): (sql: string) => SQLite.Statement {
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

/** better-sqlite3 refuses booleans and Dates as parameters; PostgreSQL takes both. */
const bindable = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p instanceof Date ? p.toISOString() : p));

/**
 * Kysely's handle on the write connection: parameters made bindable (`bindable`), so that every
 * query is written once for both engines; statements prepared once per SQL text (Kysely would
 * prepare them again on every run); transactions begun immediate.
 */
function bindableSqlite(sqlite: SQLite.Database): SQLite.Database {
  const statementOf = statementCache(sqlite);
  // Every transaction here writes. Taking the write lock at `begin` lets a second process
  // wait its turn (busy_timeout) instead of failing when its snapshot went stale mid-way.
  const prepared = (text: string) => statementOf(text === 'begin' ? 'begin immediate' : text);
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (source: string) => {
          const stmt = prepared(source);
          return {
            reader: stmt.reader,
            all: (params: unknown[]) => stmt.all(bindable(params)),
            run: (params: unknown[]) => stmt.run(bindable(params)),
            iterate: (params: unknown[]) => stmt.iterate(bindable(params)),
          };
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
