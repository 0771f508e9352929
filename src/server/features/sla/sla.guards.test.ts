import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, request, signInRoles, type TestApp } from '../../test/harness';

/** Service levels at their edges: what customers may not ask for or see, closings in a pause, a notice's claim. */
describe('service levels at their edges', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const open = async (line = 'CLOUD') => {
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: (await demoForm(t.db, line)).fields });
    expect(res.statusCode).toBe(201);
    return res.json().number as number;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    cookies = await signInRoles(t.app);
  });
  afterAll(() => t.close());

  it('refuses a customer the SLA views and the due-time sort with a 400 naming the field, in their language; agents get them', async () => {
    await open();
    const refusal = 'Só analistas filtram por este campo.';
    for (const [query, fields] of [
      ['view=breached', { view: refusal }],
      ['view=due_soon', { view: refusal }],
      ['sort=due', { sort: refusal }],
      ['view=due_soon&sort=due', { view: refusal, sort: refusal }],
    ] as const) {
      const customer = await request(t.app, { method: 'GET', url: `/api/tickets?${query}`, cookie: cookies.contact });
      expect(customer.statusCode, query).toBe(400);
      expect(customer.json().error.fields, query).toEqual(fields);
      expect(customer.body).not.toContain('nextCursor');
      const agent = await request(t.app, { method: 'GET', url: `/api/tickets?${query}`, cookie: cookies.agent });
      expect(agent.statusCode, `${query}: ${agent.body}`).toBe(200);
    }
    // The other views stay open to customers, as their lists are.
    expect((await request(t.app, { method: 'GET', url: '/api/tickets?view=open', cookie: cookies.contact })).statusCode).toBe(200);
  });
});
