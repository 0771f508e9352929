import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from './db/open';
import { demoForm } from './test/catalog-ids';

const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));
const onPostgres = process.env.TEST_DB === 'postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A database of its own: a temporary data folder, or a fresh PostgreSQL database. */
async function freshDatabase(): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atende-main-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!onPostgres) return { env: { DATA_DIR: dataDir }, drop: async () => removeDir() };
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `atende_main_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      await admin(`drop database ${name} with (force)`);
      removeDir();
    },
  };
}

describe('npm start with WORKERS=2', () => {
  let portal: ChildProcess;
  let baseUrl: string;
  let output = '';
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let openedNumbers: number[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    portal = fork(mainScript, ['--demo'], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...database.env, PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', LOG_LEVEL: 'warn', SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    portal.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    portal.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      portal.once('message', () => resolve());
      portal.once('exit', (code) => reject(new Error(`the portal exited (${code}) before serving:\n${output}`)));
    });
  }, 90_000);
  afterAll(async () => {
    if (portal.exitCode === null) portal.kill('SIGKILL');
    await database.drop();
  });

  it('serves from two worker processes that share the sessions and take unique, consecutive numbers', async () => {
    expect(output).toContain('2 worker processes');
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
