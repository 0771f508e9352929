import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../test/catalog-ids';
import { freshDatabase, startPortal, type Portal } from '../test/portal';
import { startTcpProxy } from '../test/tcp-proxy';
import { openDatabase } from './database';

const onPostgres = process.env.TEST_DB === 'postgres';

describe.runIf(onPostgres)('the portal while PostgreSQL goes away and comes back', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let portal: Portal;
  let cookie: string;
  let fields: Record<string, unknown>;

  /** A query on the real server, not through the proxy. */
  const direct = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url!.toString() });
    await client.connect();
    try {
      return (await client.query<Row>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const call = (method: string, path: string, body?: object) =>
    fetch(`${portal.baseUrl}${path}`, {
      method,
      headers: { origin: portal.baseUrl, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const open = (summary: string) => call('POST', '/api/tickets', { ...fields, summary });
  /** Waits until the portal answers a signed-in read again: its pool connects anew by itself. */
  const untilServing = async () => {
    for (const deadline = Date.now() + 15_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const res = await call('GET', '/api/tickets');
      if (res.status === 200) return;
      expect(res.status).toBe(503);
      if (Date.now() > deadline) throw new Error('the portal did not serve again');
    }
  };
  const storedNumbers = async () => (await direct<{ number: number }>('select number from ticket')).map((r) => Number(r.number));

  beforeAll(async () => {
    database = await freshDatabase();
    const url = database.url!;
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const throughProxy = new URL(url);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    portal = await startPortal({ DATA_DIR: database.env.DATA_DIR, DATABASE_URL: throughProxy.toString(), WORKERS: '1' });
    const signIn = await fetch(`${portal.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: portal.baseUrl },
      body: JSON.stringify({ email: 'contato@alfa.example', password: 'atende-demo' }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const db = openDatabase({ kind: 'postgres', url: url.toString() });
    fields = (await demoForm(db, 'RM')).fields;
    await db.destroy();
  }, 90_000);
  afterAll(async () => {
    if (portal?.process.exitCode === null) portal.process.kill('SIGKILL');
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 with Retry-After while the database is away, acknowledges no opening it did not store, and serves again once it is back', async () => {
    expect((await open('Antes da queda')).status).toBe(201);
    // Openings in five streams, and the database goes away in the middle of them: at the first acknowledgement.
    let cutting: Promise<void> | undefined;
    const streams = Array.from({ length: 5 }, async (_, s) => {
      const answers: Response[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await open(`Durante a queda ${s}.${i}`);
        if (res.status === 201) cutting ??= proxy.cut();
        answers.push(res);
      }
      return answers;
    });
    const answers = (await Promise.all(streams)).flat();
    await cutting;
    const acknowledged: number[] = [];
    expect(answers.map((a) => a.status)).toContain(201);
    expect(answers.map((a) => a.status)).toContain(503);
    for (const res of answers) {
      expect([201, 503], await res.clone().text()).toContain(res.status);
      if (res.status === 201) acknowledged.push(((await res.json()) as { number: number }).number);
      else expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }

    // While it is away: the process lives, says so, and every request that needs the database is a 503.
    expect((await fetch(`${portal.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${portal.baseUrl}/readyz`)).status).toBe(503);
    for (const res of [await open('Com o banco fora'), await call('GET', '/api/tickets'), await call('GET', '/api/me')]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    }
    expect(portal.process.exitCode).toBeNull();

    await proxy.restore();
    await untilServing();
    expect((await fetch(`${portal.baseUrl}/readyz`)).status).toBe(200);
    const after = await open('Depois da volta');
    expect(after.status).toBe(201);
    acknowledged.push(((await after.json()) as { number: number }).number);
    // Every opening answered 201 is stored; the one refused while away is not.
    const stored = await storedNumbers();
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    expect((await direct('select 1 from ticket where summary = $1', ['Com o banco fora'])).length).toBe(0);
    expect(portal.process.exitCode).toBeNull();
  });

  it('survives PostgreSQL ending its connections (a restart), and the next requests succeed', async () => {
    await untilServing();
    const ended = await direct<{ pid: number }>(
      'select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database.url!.pathname.slice(1)],
    );
    expect(ended.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(portal.process.exitCode).toBeNull();
    for (let i = 0; i < 5; i++) {
      const res = await call('GET', '/api/tickets');
      expect(res.status, await res.clone().text()).toBe(200);
    }
    expect((await open('Depois do reinício')).status).toBe(201);
    expect(portal.process.exitCode).toBeNull();
  });
});
