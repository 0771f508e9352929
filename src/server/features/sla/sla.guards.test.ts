import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, request, signInRoles, type TestApp } from '../../test/harness';
import { remindAndCloseWaiting } from '../closing/closing.waiting';
import { runSlaJob } from './sla.job';

/** Service levels at their edges: what customers may not ask for or see, closings in a pause, a notice's claim. */
describe('service levels at their edges', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const open = async (line = 'CLOUD') => {
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: (await demoForm(t.db, line)).fields });
    expect(res.statusCode).toBe(201);
    return res.json().number as number;
  };
  const ticket = async (number: number, who = 'agent') => (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies[who] })).json();
  const clock = async (number: number, target: string) => (await ticket(number)).sla.targets.find((c: { target: string; cycle: number }) => c.target === target && c.cycle === 1);
  const post = (number: number, who: string, payload: object) => request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: cookies[who], payload });
  const confirm = (number: number) => request(t.app, { method: 'POST', url: `/api/tickets/${number}/confirm`, cookie: cookies.contact, payload: {} });
  const idOf = async (number: number) => (await t.db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  /** Starts a 24×7 ticket's first response (Alta: 60 minutes) `minutes` ago, as if opened then. */
  const age = async (number: number, minutes: number) => {
    const [started, warn, due] = [ago(minutes), ago(minutes - 45), ago(minutes - 60)];
    await t.db.updateTable('ticket_sla').set({ started_at: started, warn_at: warn, due_at: due }).where('ticket_id', '=', await idOf(number)).where('target', '=', 'first_response').execute();
    await t.db.updateTable('ticket').set({ sla_due_at: due, sla_warn_at: warn }).where('number', '=', number).execute();
  };
  /** Starts a 24×7 ticket's resolution (Alta: 8 h) `minutes` ago; the next step recomputes it from there. */
  const startResolution = async (number: number, minutes: number) =>
    t.db.updateTable('ticket_sla').set({ started_at: ago(minutes) }).where('ticket_id', '=', await idOf(number)).where('target', '=', 'resolution').execute();

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

  it('meets the resolution of a ticket closed after a long pause with business time left (24×7, 8 h)', async () => {
    const number = await open();
    // Opened 10 h ago; the solution was proposed 30 min in and confirmed now: 30 min of 8 h ran.
    await startResolution(number, 600);
    expect((await post(number, 'agent', { body: 'Backup restaurado.', action: 'propose_solution' })).statusCode).toBe(200);
    const id = await idOf(number);
    await t.db.updateTable('ticket_sla_pause').set({ started_at: ago(570) }).where('ticket_id', '=', id).execute();
    // As the pause froze it then: 30 min in, 7 h 30 to go, due 2 h ago by the wall clock.
    await t.db.updateTable('ticket_sla').set({ due_at: ago(120), state: 'paused' }).where('ticket_id', '=', id).where('target', '=', 'resolution').execute();
    expect((await confirm(number)).statusCode).toBe(200);
    const resolution = await clock(number, 'resolution');
    expect(resolution).toMatchObject({ state: 'met', metAt: expect.any(String), breachedAt: null, pausedMinutes: 570 });
    expect(Date.parse(resolution.dueAt)).toBeGreaterThan(Date.now());
  });

  it('meets the resolution of a ticket the waiting job closes days after the agent asked the customer, with time left', async () => {
    const number = await open();
    const days = 20 * 24 * 60;
    // Opened 20 days and 30 min ago; asked the customer 30 min in; reminded, then closed for no answer now.
    await startResolution(number, days + 30);
    expect((await post(number, 'agent', { body: 'Pode enviar o log do backup?', action: 'ask_customer' })).statusCode).toBe(200);
    const id = await idOf(number);
    await t.db.updateTable('ticket_sla_pause').set({ started_at: ago(days) }).where('ticket_id', '=', id).execute();
    await t.db.updateTable('ticket_sla').set({ due_at: ago(days + 30 - 480), state: 'paused' }).where('ticket_id', '=', id).where('target', '=', 'resolution').execute();
    await t.db.updateTable('ticket').set({ waiting_since: ago(days), reminded_at: ago(days - 60) }).where('id', '=', id).execute();
    expect(await remindAndCloseWaiting(t)).toBeGreaterThanOrEqual(1);
    expect((await ticket(number)).status).toBe('closed');
    expect(await clock(number, 'resolution')).toMatchObject({ state: 'met', breachedAt: null });
  });

  it('breaches the resolution of a ticket closed after running past its due time', async () => {
    const number = await open();
    // Ran 10 h of 8 h before the solution was proposed; confirmed at once.
    await startResolution(number, 600);
    expect((await post(number, 'agent', { body: 'Backup restaurado.', action: 'propose_solution' })).statusCode).toBe(200);
    expect((await confirm(number)).statusCode).toBe(200);
    const resolution = await clock(number, 'resolution');
    expect(resolution).toMatchObject({ state: 'breached', metAt: expect.any(String), breachedAt: resolution.dueAt });
    expect(Date.parse(resolution.dueAt)).toBeCloseTo(Date.parse(ago(120)), -4);
  });

  it('shows a customer the expected first response only while its clock runs, not once breached', async () => {
    const number = await open();
    expect((await ticket(number, 'contact')).customerSla.firstResponseDueAt).toEqual((await clock(number, 'first_response')).dueAt);
    await age(number, 65);
    await runSlaJob(t);
    expect((await clock(number, 'first_response')).state).toBe('breached');
    const page = await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies.contact });
    expect(page.json().customerSla).toEqual({ firstResponseDueAt: null });
  });

  it('gives no warning for a clock met between the job’s selection and its claim', async () => {
    const number = await open();
    const id = await idOf(number);
    await age(number, 46);
    // The first response is met right after the job read the clocks to warn, before it claims this one.
    let met = false;
    const meetAfterSelection: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        if (!met && args.result.rows.some((row) => row.ticket_id === id && row.target === 'first_response' && 'at' in row)) {
          met = true;
          expect((await post(number, 'agent', { body: 'Estamos analisando.' })).statusCode).toBe(200);
        }
        return args.result;
      },
    };
    const other = t.openAnother();
    try {
      await runSlaJob({ db: Object.assign(other.withPlugin(meetAfterSelection), { dialectName: other.dialectName, pgSchema: other.pgSchema }) as Db, config: t.config });
    } finally {
      await other.destroy();
    }
    expect(met).toBe(true);
    await runSlaJob(t);
    const warnings = await t.db.selectFrom('notification').select('id').where('ticket_id', '=', id).where('kind', '=', 'sla_warning').execute();
    expect(warnings).toHaveLength(0);
    expect(await t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', `[#${number}] Prazo perto de vencer%`).execute()).toHaveLength(0);
    expect(await clock(number, 'first_response')).toMatchObject({ state: 'met', metAt: expect.any(String) });
  });
});
