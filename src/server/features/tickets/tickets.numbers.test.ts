import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { seedDemo } from '../../demo/demo.seed';
import { createTestDatabase, request, signIn, testOrigin } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';

describe('ticket numbers', () => {
  it('are sequential and unique when two app processes open tickets at once', async () => {
    const { db, drop, openAnother } = await createTestDatabase();
    await seedDemo(db);
    const other = openAnother();
    const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
    // Two apps on two database handles: what two processes behind a load balancer are.
    const apps = [await buildApp({ config, db, web: false }), await buildApp({ config, db: other, web: false })];
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
    for (const app of apps) await app.close();
    await other.destroy();
    await drop();
  });
});
