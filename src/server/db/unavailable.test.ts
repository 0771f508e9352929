import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, holdWriteLock, request, signIn, type TestApp } from '../test/harness';
import { demoForm } from '../test/catalog-ids';
import type { Db } from './database';
import { isDatabaseUnavailable } from './unavailable';

const onSqlite = process.env.TEST_DB !== 'postgres';

describe('errors that mean the database is away', () => {
  it('are told from the errors of a wrong request', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const away of [
      coded('ECONNREFUSED'),
      coded('ECONNRESET'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P03', 'the database system is starting up'),
      coded('08006'),
      coded('SQLITE_BUSY'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated due to connection timeout', { cause: coded('ECONNREFUSED') }),
      new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]),
    ]) {
      expect(isDatabaseUnavailable(away), String(away)).toBe(true);
    }
    for (const wrong of [coded('23505', 'duplicate key'), coded('22P05'), coded('SQLITE_CONSTRAINT_UNIQUE'), new Error('boom'), null, 'text']) {
      expect(isDatabaseUnavailable(wrong), String(wrong)).toBe(false);
    }
  });
});

/** The responses of requests started now, and whether each has been answered yet. */
function started(requests: Promise<LightMyRequestResponse>[]) {
  const answered = requests.map(() => false);
  requests.forEach((r, i) => void r.then(() => (answered[i] = true)));
  return { answered, all: () => Promise.all(requests) };
}

describe.runIf(onSqlite)('another process holding SQLite’s write lock', () => {
  let t: TestApp;
  let other: Db;
  let contact: string;
  let agent: string;
  let number: number;
  beforeAll(async () => {
    t = await buildTestApp({ busyTimeoutMs: 1500 });
    other = t.openAnother();
    contact = await signIn(t.app, 'contato@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
    const form = await demoForm(t.db, 'RM');
    number = (await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form.fields })).json().number;
  });
  afterAll(async () => {
    await other.destroy();
    await t.close();
  });

  /** Writes of each kind: a transaction (a reply), an autocommit update (the language), better-auth's (a sign-in's session). */
  const writes = (reply: string) => [
    request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: reply } }),
    request(t.app, { method: 'PATCH', url: '/api/me', cookie: contact, payload: { language: 'en' } }),
    request(t.app, { method: 'POST', url: '/api/session', payload: { email: 'admin@alfa.example', password: 'atende-demo' } }),
  ];
  const replies = async () =>
    (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent })).json().articles.map((a: { body: string }) => a.body);

  it('keeps answering while the writes wait, and writes them once the lock is released in time', async () => {
    const release = await holdWriteLock(other);
    const writing = started(writes('Respondido enquanto outro processo escrevia'));
    // The writes are waiting for the lock by now; the process still serves.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await request(t.app, { method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(writing.answered).toEqual([false, false, false]);
    // A read is answered too.
    expect((await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: contact })).statusCode).toBe(200);
    expect(writing.answered).toEqual([false, false, false]);
    await release();
    const answers = await writing.all();
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(await replies()).toContain('Respondido enquanto outro processo escrevia');
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: contact })).json().language).toBe('en');
  });

  it('answers 503 with Retry-After to each write once the lock outlives the timeout, and writes nothing', async () => {
    const before = (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent })).json();
    await request(t.app, { method: 'PATCH', url: '/api/me', cookie: contact, payload: { language: 'pt-BR' } });
    const release = await holdWriteLock(other);
    const writing = started(writes('Nunca escrito'));
    const health = await request(t.app, { method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(writing.answered).toEqual([false, false, false]);
    const answers = await writing.all();
    await release();
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.headers['retry-after']).toMatch(/^\d+$/);
      expect(answer.json().error).toEqual({ code: 'unavailable', message: expect.stringContaining('indisponível') });
    }
    const after = (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent })).json();
    expect(after.revision).toBe(before.revision);
    expect(await replies()).not.toContain('Nunca escrito');
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: contact })).json().language).toBe('pt-BR');
  });
});

describe.runIf(onSqlite)('an opening whose write fails on SQLite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('is never acknowledged, and leaves nothing behind (the disk is full)', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const form = await demoForm(t.db, 'RM');
    const before = await t.db.selectFrom('ticket').select('id').execute();
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(t.db)).rows[0]!.page_count;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(t.db);
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => request(t.app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...form.fields, summary: `Disco cheio ${i}`, incident: 'x'.repeat(20_000) } })),
      );
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(500);
    } finally {
      await sql`pragma max_page_count = 4294967294`.execute(t.db);
    }
    expect(await t.db.selectFrom('ticket').select('id').execute()).toEqual(before);
    expect(await t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', '%Disco cheio%').execute()).toEqual([]);
  });
});
