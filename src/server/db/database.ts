import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import type { Database } from './schema';
import { bindable, sqliteDialect, statementCache } from './sqlite-dialect';
import { fold } from './text-search';

export type Db = Kysely<Database> & {
  dialectName: DialectName;
  /** The PostgreSQL schema this handle works in, when not the default one. */
  pgSchema?: string;
  /** PostgreSQL: a new client of its own, outside the pool, with the pool's settings (LISTEN needs one). */
  connectPg?: () => pg.Client;
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
  | {
      kind: 'sqlite';
      file: string;
      walCheckpoints?: WalCheckpoints;
      /** How long a write waits for another connection's write lock before it fails with SQLITE_BUSY (5 s). */
      busyTimeoutMs?: number;
    }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

/** Opens the database: SQLite in WAL mode with foreign keys, or a PostgreSQL pool. */
export function openDatabase(options: DbOptions): Db {
  if (options.kind === 'postgres') {
    // Each test file gets its own schema; production uses the default search_path.
    const settings = { connectionString: options.url, options: options.schema ? `-c search_path=${options.schema}` : undefined };
    const pool = new pg.Pool({
      ...settings,
      max: options.poolSize ?? 10,
      // A request waits this long at most for a connection (a new one, or a turn in a full pool):
      // a database that does not answer is a 503 (db/unavailable.ts), not a request that hangs.
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    // A connection that breaks (a restart, pg_terminate_backend, the network) emits 'error', which
    // would end the process without a listener, idle in the pool or in use. The pool drops it and
    // connects anew for the next query; a query that was using it fails by itself (a 503).
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const connectPg = () => new pg.Client({ ...settings, connectionTimeoutMillis: 5000, keepAlive: true });
    return Object.assign(db, { dialectName: 'postgres' as const, pgSchema: options.schema, connectPg });
  }
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const sqlite = new SQLite(options.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  if (options.walCheckpoints === 'background') sqlite.pragma('wal_autocheckpoint = 0');
  registerFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 }) });
  const handle = Object.assign(db, { dialectName: 'sqlite' as const });
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
