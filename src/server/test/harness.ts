import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Db } from '../db/database';
import { migrateTo, migrateToLatest } from '../db/migrate';
import { seedDemo } from '../demo/demo.seed';

export const testOrigin = 'http://localhost:3000';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or (TEST_DB=postgres)
 * a schema of its own in TEST_DATABASE_URL, dropped afterwards. `until` stops at that migration
 * (the test of a later migration's data step).
 */
export async function createTestDatabase(
  kind: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite',
  options: {
    /** SQLite: how long a write of `db` waits for another connection's write lock (database.ts). */
    busyTimeoutMs?: number;
    until?: Parameters<typeof migrateTo>[1];
  } = {},
): Promise<{ db: Db; drop: () => Promise<void>; openAnother: () => Db; migrateRest: () => Promise<void> }> {
  const { until } = options;
  const migrate = (db: Db) => (until ? migrateTo(db, until) : migrateToLatest(db));
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('a PostgreSQL test database needs TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const db = openDatabase({ kind: 'postgres', url, schema, poolSize: 4 });
    await withSchemaLock(url, async (admin) => {
      await admin.query(`create schema ${schema}`);
      await migrate(db);
    });
    return {
      db,
      /** Another handle on the same database, as a second process would have. */
      openAnother: () => openDatabase({ kind: 'postgres', url, schema, poolSize: 4 }),
      /** The migrations after `until`. */
      migrateRest: () => withSchemaLock(url, () => migrateToLatest(db)),
      drop: async () => {
        await db.destroy();
        await withSchemaLock(url, (admin) => admin.query(`drop schema ${schema} cascade`));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-test-'));
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.sqlite'), busyTimeoutMs: options.busyTimeoutMs });
  await migrate(db);
  return {
    db,
    openAnother: () => openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.sqlite') }),
    migrateRest: () => migrateToLatest(db),
    drop: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs schema changes of the test files one at a time: Kysely's migrator lists the tables of every
 * schema, which fails if another file drops its schema at that moment.
 */
async function withSchemaLock<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7243)');
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** Another handle on the app's database, as a second process would have (closed by the caller). */
  openAnother: () => Db;
  close: () => Promise<void>;
};

/** The whole application on a fresh database, with the demo data unless `seed: false`. */
export async function buildTestApp(
  options: {
    seed?: boolean;
    demo?: boolean;
    env?: Record<string, string>;
    logStream?: { write: (line: string) => void };
    /** SQLite: how long a write waits for another process's write lock before the request gets 503. */
    busyTimeoutMs?: number;
  } = {},
): Promise<TestApp> {
  const { db, drop, openAnother } = await createTestDatabase(undefined, { busyTimeoutMs: options.busyTimeoutMs });
  if (options.seed !== false) await seedDemo(db);
  const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir(), ...options.env }, options.demo ?? false);
  const app = await buildApp({ config, db, web: false, logStream: options.logStream });
  await app.ready();
  return {
    app,
    db,
    config,
    openAnother,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/**
 * Two apps on two handles of one fresh database with the demo data: what two processes behind a
 * load balancer are. `db` is the first app's handle.
 */
export async function twoAppProcesses(env: Record<string, string> = {}): Promise<{ db: Db; apps: [FastifyInstance, FastifyInstance]; close: () => Promise<void> }> {
  const { db, drop, openAnother } = await createTestDatabase();
  await seedDemo(db);
  const other = openAnother();
  const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir(), ...env });
  const apps: [FastifyInstance, FastifyInstance] = [await buildApp({ config, db, web: false }), await buildApp({ config, db: other, web: false })];
  return {
    db,
    apps,
    close: async () => {
      for (const app of apps) await app.close();
      await other.destroy();
      await drop();
    },
  };
}

/** Requests as a browser on our origin would send them. */
export function request(app: FastifyInstance, options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse> {
  const { cookie, headers, ...rest } = options;
  return app.inject({
    ...rest,
    headers: { origin: testOrigin, ...(cookie ? { cookie } : {}), ...headers },
  });
}

/** Signs in and returns the cookie header to send on later requests. */
export async function signIn(app: FastifyInstance, email: string, password = 'atende-demo'): Promise<string> {
  const res = await request(app, { method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

/** The demo's system administrator, an agent, Alfa's portal administrator and an Alfa contact. */
export const demoRoles = { admin: 'sistema@atende.example', agent: 'analista@atende.example', portalAdmin: 'admin@alfa.example', contact: 'contato@alfa.example' } as const;

/** Signs in each of the demo roles; their cookie headers by role. */
export async function signInRoles(app: FastifyInstance): Promise<Record<keyof typeof demoRoles, string>> {
  const cookies = {} as Record<keyof typeof demoRoles, string>;
  for (const [role, email] of Object.entries(demoRoles) as [keyof typeof demoRoles, string][]) cookies[role] = await signIn(app, email);
  return cookies;
}

/** The cookie header that a browser would send back after this response. */
export function cookieOf(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Uploads one file as a browser's multipart form would. */
export function uploadFile(app: FastifyInstance, url: string, cookie: string, file: { name: string; type: string; content: Buffer | string }) {
  const boundary = `----atende${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return request(app, { method: 'POST', url, cookie, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** Holds the write lock on another connection, as another process would, until the returned function is called. */
export async function holdWriteLock(other: Db): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const done = other.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    locked();
    await released;
    await sql`commit`.execute(conn);
  });
  await holding;
  return async () => {
    release();
    await done;
  };
}
