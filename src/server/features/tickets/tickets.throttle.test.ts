import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, request, signIn, twoAppProcesses, type TestApp } from '../../test/harness';

describe('openings per person and minute', () => {
  let t: TestApp;
  let form: Awaited<ReturnType<typeof demoForm>>;
  beforeAll(async () => {
    t = await buildTestApp({ env: { OPENINGS_PER_MINUTE: '3' } });
    form = await demoForm(t.db, 'RM');
  });
  afterAll(() => t.close());

  const open = (cookie: string) => request(t.app, { method: 'POST', url: '/api/tickets', cookie, payload: form.fields });

  it('refuses the opening past the limit with 429 and Retry-After, storing nothing, and lets others open', async () => {
    const contact = await signIn(t.app, 'contato@alfa.example');
    for (let i = 0; i < 3; i++) expect((await open(contact)).statusCode).toBe(201);
    const before = await t.db.selectFrom('ticket').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const refused = await open(contact);
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json().error.message).toMatch(/^Você abriu 3 chamados no último minuto\. Tente novamente em \d+ segundos?\.$/);
    const after = await t.db.selectFrom('ticket').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Another person of the same company is not held back.
    expect((await open(await signIn(t.app, 'admin@alfa.example'))).statusCode).toBe(201);
  });

  it('counts only the last minute', async () => {
    const agent = await signIn(t.app, 'analista@atende.example');
    const agentId = (await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow()).id;
    const company = await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
    const requester = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    const onBehalf = { ...form.fields, onBehalf: true, companyId: company.id, requesterId: requester.id };
    for (let i = 0; i < 3; i++) expect((await request(t.app, { method: 'POST', url: '/api/tickets', cookie: agent, payload: onBehalf })).statusCode).toBe(201);
    expect((await request(t.app, { method: 'POST', url: '/api/tickets', cookie: agent, payload: onBehalf })).statusCode).toBe(429);
    // A minute later (the openings moved back in time), the agent may open again.
    await t.db.updateTable('ticket').set({ created_at: new Date(Date.now() - 61_000).toISOString() }).where('opened_by_id', '=', agentId).execute();
    expect((await request(t.app, { method: 'POST', url: '/api/tickets', cookie: agent, payload: onBehalf })).statusCode).toBe(201);
  });
});

describe('openings per person across processes', () => {
  it('holds the limit when the openings go to two app processes', async () => {
    const { apps, db, close } = await twoAppProcesses({ OPENINGS_PER_MINUTE: '4' });
    try {
      const form = await demoForm(db, 'RM');
      const cookie = await signIn(apps[0], 'contato@alfa.example');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await request(apps[i % 2]!, { method: 'POST', url: '/api/tickets', cookie, payload: form.fields })).statusCode);
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    } finally {
      await close();
    }
  });
});
