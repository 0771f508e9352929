import os from 'node:os';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { seedDemo } from '../../demo/demo.seed';
import { createTestDatabase, request, signIn, testOrigin, twoAppProcesses } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';

describe('ticket numbers', () => {
  it('are sequential and unique when two app processes open tickets at once', async () => {
    // Forty openings of one person: past the openings' throttle (tested apart), which would refuse some.
    const { db, apps, close } = await twoAppProcesses({ OPENINGS_PER_MINUTE: '0' });
    const cookies = await Promise.all(apps.map((app) => signIn(app, 'contato@alfa.example')));
    const form = await demoForm(db, 'RM');
    const opened = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(apps[i % 2]!, { method: 'POST', url: '/api/tickets', cookie: cookies[i % 2]!, payload: { ...form.fields, summary: `Chamado ${i}` } }),
      ),
    );
    expect(opened.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    const numbers = opened.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await close();
  });
});

describe('an opening while another process writes', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')('waits for the write lock without stopping its process, then is written (SQLite)', async () => {
    const { db, drop, openAnother } = await createTestDatabase('sqlite');
    await seedDemo(db);
    const other = openAnother();
    const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
    const app = await buildApp({ config, db, web: false });
    const cookie = await signIn(app, 'contato@alfa.example');
    const form = await demoForm(db, 'RM');
    // The other process holds the write lock for a while.
    await other.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      const opening = request(app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...form.fields, summary: 'Enquanto outro escreve' } });
      // This process goes on serving meanwhile: a timer fires on time and a read is answered.
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await request(app, { method: 'GET', url: '/api/tickets', cookie })).statusCode).toBe(200);
      await sql`commit`.execute(conn);
      const res = await opening;
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().number).toBe(1);
    });
    await app.close();
    await other.destroy();
    await drop();
  });
});

describe('an opening that cannot get the write lock in time', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')('fails with its group after the busy timeout, 503 with Retry-After, and the next one is written (SQLite)', async () => {
    const { db, drop, openAnother } = await createTestDatabase('sqlite', { busyTimeoutMs: 300 });
    await seedDemo(db);
    const other = openAnother();
    const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
    const app = await buildApp({ config, db, web: false });
    const cookie = await signIn(app, 'contato@alfa.example');
    const form = await demoForm(db, 'RM');
    const open = (summary: string) => request(app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...form.fields, summary } });
    await other.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      const started = performance.now();
      const refused = await Promise.all(['Um', 'Dois', 'Três'].map(open));
      expect(refused.map((r) => r.statusCode)).toEqual([503, 503, 503]);
      expect(refused.map((r) => r.headers['retry-after'])).toEqual(['5', '5', '5']);
      // One wait of the busy timeout per group, not another one per opening after it.
      expect(performance.now() - started).toBeLessThan(4 * 300);
      await sql`commit`.execute(conn);
    });
    const res = await open('Quatro');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toBe(1);
    await app.close();
    await other.destroy();
    await drop();
  });
});
