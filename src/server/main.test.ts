import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from './db/open';
import { demoForm } from './test/catalog-ids';
import { freshDatabase, startPortal } from './test/portal';

const onPostgres = process.env.TEST_DB === 'postgres';

describe('npm start with WORKERS=2', () => {
  let portal: ChildProcess;
  let baseUrl: string;
  let output: () => string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let openedNumbers: number[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    ({ process: portal, baseUrl, output } = await startPortal({ ...database.env, WORKERS: '2' }));
  }, 90_000);
  afterAll(async () => {
    if (portal.exitCode === null) portal.kill('SIGKILL');
    await database.drop();
  });

  it('serves from two worker processes that share the sessions and take unique, consecutive numbers', async () => {
    expect(output()).toContain('2 worker processes');
    const signIn = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'admin@alfa.example', password: 'atende-demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const db = openConfiguredDatabase({ dataDir: database.env.DATA_DIR!, databaseUrl: database.env.DATABASE_URL });
    const form = await demoForm(db, 'RM');
    await db.destroy();
    // Separate connections, which the primary hands to both workers in turn.
    const opened = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await fetch(`${baseUrl}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: baseUrl, cookie, connection: 'close' },
          body: JSON.stringify({ ...form.fields, summary: `Aberto em paralelo ${i}` }),
        });
        expect(res.status, await res.clone().text()).toBe(201);
        return ((await res.json()) as { number: number }).number;
      }),
    );
    const numbers = opened.sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => numbers[0]! + i));
    openedNumbers = numbers;
  });

  it.runIf(!onPostgres)('checkpoints the WAL in the background: the database file alone soon holds every ticket opened', async () => {
    // Far fewer pages than SQLite's own checkpoint waits for (1000): only the maintenance thread copies them.
    const copy = path.join(database.env.DATA_DIR!, 'without-wal.sqlite');
    const inDatabaseFileAlone = (): number[] => {
      fs.copyFileSync(path.join(database.env.DATA_DIR!, 'atende.sqlite'), copy);
      const alone = new SQLite(copy, { readonly: true });
      try {
        return alone.prepare<[], number>('select number from ticket').pluck().all();
      } catch (error) {
        // A copy taken while a checkpoint writes pages can be torn; the next one is not.
        if (error instanceof SQLite.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)) return [];
        throw error;
      } finally {
        alone.close();
      }
    };
    expect(openedNumbers).toHaveLength(12);
    let found: number[] = [];
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      found = inDatabaseFileAlone();
      if (openedNumbers.every((n) => found.includes(n))) break;
    }
    expect(found).toEqual(expect.arrayContaining(openedNumbers));
  });

  it('stops every worker on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => portal.once('exit', (code) => resolve(code)));
    portal.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
  });
});
