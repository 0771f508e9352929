import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso } from '../../db/columns';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, signInRoles, type TestApp } from '../../test/harness';
import { runSlaJob } from './sla.job';
import { bumpSlaVersion } from './sla.setup';

/** The service levels as agents and customers meet them, over HTTP, on the demo's calendars and policies. */
describe('service levels', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const open = async (line = 'RM', extra: object = {}) => {
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: { ...(await demoForm(t.db, line)).fields, ...extra } });
    expect(res.statusCode).toBe(201);
    return res.json().number as number;
  };
  const ticket = async (number: number, who = 'agent') => (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies[who] })).json();
  const clock = async (number: number, target = 'first_response', cycle = 1) =>
    (await ticket(number)).sla.targets.find((c: { target: string; cycle: number }) => c.target === target && c.cycle === cycle);
  const patch = async (number: number, payload: object) =>
    request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: cookies.agent, payload: { revision: (await ticket(number)).revision, ...payload } });
  const post = (number: number, who: string, payload: object) => request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: cookies[who], payload });
  const idOf = async (number: number) => (await t.db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  /** Starts a 24×7 ticket's first response (Alta: 60 minutes) `minutes` ago, as if opened then. */
  const age = async (number: number, minutes: number) => {
    const [started, warn, due] = [ago(minutes), ago(minutes - 45), ago(minutes - 60)];
    await t.db.updateTable('ticket_sla').set({ started_at: started, warn_at: warn, due_at: due }).where('ticket_id', '=', await idOf(number)).where('target', '=', 'first_response').execute();
    await t.db.updateTable('ticket').set({ sla_due_at: due, sla_warn_at: warn }).where('number', '=', number).execute();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    cookies = await signInRoles(t.app);
    cookies.beta = await signIn(t.app, 'contato@beta.example');
  });
  afterAll(() => t.close());

  it('applies the first policy in order that matches: 24×7 for value-added services, else the default, a new first one once added', async () => {
    const cloud = await ticket(await open('CLOUD'));
    expect(cloud.sla.policy.name).toBe('Serviço de Valor Agregado 24×7');
    expect(cloud.sla.calendar.name).toBe('24×7');
    // Alta on 24×7: first response in 1 h of wall-clock time, resolution in 8 h.
    const first = cloud.sla.targets.find((c: { target: string }) => c.target === 'first_response');
    expect(first).toMatchObject({ state: 'running', targetMinutes: 60, metAt: null });
    expect(Date.parse(first.dueAt) - Date.parse(first.startedAt)).toBe(60 * 60_000);
    const rm = await ticket(await open('RM'));
    expect(rm.sla.policy.name).toBe('Padrão');
    expect(rm.sla.targets.map((c: { target: string; targetMinutes: number }) => [c.target, c.targetMinutes])).toEqual([
      ['first_response', 240],
      ['resolution', 18 * 60],
    ]);

    const at = new Date().toISOString();
    const alfa = await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
    const calendar = await t.db.selectFrom('sla_calendar').select('id').where('name', '=', '24×7').executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sla_policy')
        .values({
          name: 'Alfa Alta',
          position: 0,
          active: true,
          calendar_id: calendar.id,
          match: JSON.stringify({ companyIds: [alfa.id], criticalities: ['high'] }),
          targets: JSON.stringify({ high: { firstResponse: 15, nextResponse: 15, resolution: 120 } }),
          pause_on_hold: true,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await bumpSlaVersion(trx);
    });
    try {
      const alfaHigh = await ticket(await open('RM'));
      expect(alfaHigh.sla.policy.name).toBe('Alfa Alta');
      expect(alfaHigh.sla.targets[0]).toMatchObject({ target: 'first_response', targetMinutes: 15 });
      // The tickets opened before are recomputed in the background, with the setup they now match.
      await runSlaJob(t);
      expect((await ticket(rm.number)).sla.policy.name).toBe('Alfa Alta');
    } finally {
      await t.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sla_policy').where('name', '=', 'Alfa Alta').execute();
        await bumpSlaVersion(trx);
      });
      await runSlaJob(t);
    }
    expect((await ticket(rm.number)).sla.policy.name).toBe('Padrão');
  });

  it('matches a company’s support tier', async () => {
    const at = new Date().toISOString();
    const calendar = await t.db.selectFrom('sla_calendar').select('id').where('name', '=', '24×7').executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('company').set({ support_tier: 'ouro' }).where('name', 'like', 'Alfa%').execute();
      const values = { position: -1, active: true, calendar_id: calendar.id, targets: JSON.stringify({ high: { firstResponse: 20, nextResponse: 20, resolution: 60 } }), pause_on_hold: false, created_at: at, updated_at: at };
      await trx.insertInto('sla_policy').values({ ...values, name: 'Prata', match: JSON.stringify({ supportTiers: ['prata'] }) }).execute();
      await trx.insertInto('sla_policy').values({ ...values, name: 'Ouro', match: JSON.stringify({ supportTiers: ['ouro'] }) }).execute();
      await bumpSlaVersion(trx);
    });
    try {
      expect((await ticket(await open('RM'))).sla.policy.name).toBe('Ouro');
    } finally {
      await t.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sla_policy').where('name', 'in', ['Prata', 'Ouro']).execute();
        await trx.updateTable('company').set({ support_tier: null }).execute();
        await bumpSlaVersion(trx);
      });
      await runSlaJob(t);
    }
  });

  it('gives its clocks, after an edit, to an open ticket opened before any policy matched it', async () => {
    // Whatever walk an earlier edit began is over first.
    await runSlaJob(t);
    const number = await open('RM');
    const id = await idOf(number);
    await t.db.deleteFrom('ticket_sla').where('ticket_id', '=', id).execute();
    await t.db.updateTable('ticket').set({ sla_due_at: null }).where('id', '=', id).execute();
    await runSlaJob(t);
    expect((await ticket(number)).sla.targets).toEqual([]);
    await t.db.transaction().execute((trx) => bumpSlaVersion(trx));
    await runSlaJob(t);
    expect((await ticket(number)).sla.targets.map((c: { target: string }) => c.target)).toEqual(['first_response', 'resolution']);
    expect((await ticket(number)).slaDue.dueAt).not.toBeNull();
  });

  it('recomputes the clocks when an agent overrides the criticality', async () => {
    const number = await open('CLOUD');
    const before = await clock(number);
    expect(before.targetMinutes).toBe(60);
    expect((await patch(number, { criticality: 'critical', criticalityReason: 'Produção parada em todas as filiais' })).statusCode).toBe(200);
    const after = await clock(number);
    expect(after).toMatchObject({ targetMinutes: 30, startedAt: before.startedAt, state: 'running' });
    expect(Date.parse(after.dueAt) - Date.parse(after.startedAt)).toBe(30 * 60_000);
    expect((await clock(number, 'resolution')).targetMinutes).toBe(4 * 60);
  });

  it('pauses while the ticket waits on the customer, records the pause, and resumes on the answer with a next response to give', async () => {
    const number = await open('CLOUD');
    const running = await clock(number, 'resolution');
    expect((await post(number, 'agent', { body: 'Pode enviar o log do backup?', action: 'ask_customer' })).statusCode).toBe(200);
    let view = await ticket(number);
    expect(view.status).toBe('waiting_customer');
    expect(view.sla.targets.find((c: { target: string }) => c.target === 'resolution').state).toBe('paused');
    expect(view.sla.pauses).toEqual([{ startedAt: expect.any(String), endedAt: null, status: 'waiting_customer' }]);
    // Paused: the ticket is in no due order, and its list row has no due time.
    const row = await t.db.selectFrom('ticket').select(['sla_due_at']).where('number', '=', number).executeTakeFirstOrThrow();
    expect(row.sla_due_at).toBeNull();

    expect((await post(number, 'contact', { body: 'Segue o log em anexo.' })).statusCode).toBe(200);
    view = await ticket(number);
    expect(view.status).toBe('in_progress');
    expect(view.sla.pauses).toEqual([{ startedAt: expect.any(String), endedAt: expect.any(String), status: 'waiting_customer' }]);
    const resolution = view.sla.targets.find((c: { target: string }) => c.target === 'resolution');
    expect(resolution.state).toBe('running');
    // On 24×7 the due time moves by exactly the time paused.
    const paused = Date.parse(view.sla.pauses[0].endedAt) - Date.parse(view.sla.pauses[0].startedAt);
    expect(Date.parse(resolution.dueAt) - Date.parse(running.dueAt)).toBeCloseTo(paused, -2);
    expect(view.sla.targets.find((c: { target: string }) => c.target === 'next_response')).toMatchObject({ cycle: 1, state: 'running', targetMinutes: 60 });
  });

  it('meets the first response with a public reply, not with an internal note', async () => {
    const number = await open('RM');
    expect((await post(number, 'agent', { body: 'Nota só para a equipe', internal: true })).statusCode).toBe(200);
    expect((await clock(number)).metAt).toBeNull();
    expect((await post(number, 'agent', { body: 'Estamos analisando o cálculo.' })).statusCode).toBe(200);
    expect(await clock(number)).toMatchObject({ state: 'met', metAt: expect.any(String) });
  });

  it('warns at 75 % once, even with two job runs at the same time, in the app and by mail', async () => {
    const number = await open('CLOUD');
    await age(number, 46);
    const other = t.openAnother();
    try {
      await Promise.all([runSlaJob(t), runSlaJob({ db: other, config: t.config })]);
      await runSlaJob(t);
    } finally {
      await other.destroy();
    }
    const mails = await t.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'text']).where('subject', 'like', `[#${number}] Prazo perto de vencer%`).execute();
    // Nobody has the ticket: its group's agents are warned (the demo's one agent).
    expect(mails.map((m) => m.to_address)).toEqual([demoRoles.agent]);
    expect(mails[0]!.text).toContain(`O prazo de primeira resposta do chamado #${number} vence em`);
    const notifications = await t.db.selectFrom('notification').select('kind').where('ticket_id', '=', await idOf(number)).where('kind', '=', 'sla_warning').execute();
    expect(notifications).toHaveLength(1);
    expect((await clock(number)).state).toBe('running');
  });

  it('breaches past the due time, notifies the escalation contacts, and lists the ticket in "Violados" and its count', async () => {
    const number = await open('CLOUD');
    const group = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte CLOUD').executeTakeFirstOrThrow();
    const admin = await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.admin).executeTakeFirstOrThrow();
    await t.db.insertInto('group_escalation_contact').values({ group_id: group.id, person_id: admin.id }).onConflict((oc) => oc.doNothing()).execute();
    await age(number, 65);
    await runSlaJob(t);
    const breached = await clock(number);
    expect(breached.state).toBe('breached');
    expect(breached.breachedAt).toBe(breached.dueAt);
    const breachMails = await t.db.selectFrom('outbox_mail').select('to_address').where('subject', 'like', `[#${number}] Prazo violado%`).orderBy('to_address').execute();
    expect(breachMails.map((m) => m.to_address).sort()).toEqual([demoRoles.agent, demoRoles.admin].sort());
    const list = (await request(t.app, { method: 'GET', url: '/api/tickets?view=breached', cookie: cookies.agent })).json();
    expect(list.tickets.find((x: { number: number }) => x.number === number).slaDue).toEqual({ dueAt: expect.any(String), warnAt: expect.any(String), breachedAt: breached.breachedAt, breached: true });
    const counts = (await request(t.app, { method: 'GET', url: '/api/views/counts', cookie: cookies.agent })).json();
    expect(counts.builtIn.breached.count).toBeGreaterThanOrEqual(1);
    // A public reply meets the breached first response late: it stays breached, and leaves "Violados" once nothing is overdue.
    expect((await post(number, 'agent', { body: 'Desculpe a demora.' })).statusCode).toBe(200);
    expect(await clock(number)).toMatchObject({ state: 'breached', metAt: expect.any(String) });
    const after = (await request(t.app, { method: 'GET', url: '/api/tickets?view=breached', cookie: cookies.agent })).json();
    expect(after.tickets.map((x: { number: number }) => x.number)).not.toContain(number);
  });

  it('lists the tickets due soon in "Vencendo", soonest first, and sorts any list by due time', async () => {
    const later = await open('CLOUD');
    const sooner = await open('CLOUD');
    await age(sooner, 50);
    const dueSoon = (await request(t.app, { method: 'GET', url: '/api/tickets?view=due_soon&sort=due', cookie: cookies.agent })).json();
    const numbers = dueSoon.tickets.map((x: { number: number }) => x.number);
    expect(numbers.indexOf(sooner)).toBeGreaterThanOrEqual(0);
    expect(numbers.indexOf(sooner)).toBeLessThan(numbers.indexOf(later));
    const dues = dueSoon.tickets.map((x: { slaDue: { dueAt: string } }) => x.slaDue.dueAt);
    expect(dues).toEqual([...dues].sort());
    // Each row carries the 75 % time of its next clock: the lists' countdown turns amber from then on.
    const row = dueSoon.tickets.find((x: { number: number }) => x.number === sooner).slaDue;
    const id = (await t.db.selectFrom('ticket').select('id').where('number', '=', sooner).executeTakeFirstOrThrow()).id;
    const next = (await t.db.selectFrom('ticket_sla').select(['due_at', 'warn_at']).where('ticket_id', '=', id).where('state', '=', 'running').execute()).sort((a, b) => iso(a.due_at).localeCompare(iso(b.due_at)))[0]!;
    expect(row).toEqual({ dueAt: iso(next.due_at), warnAt: iso(next.warn_at), breachedAt: null, breached: false });
    expect(row.warnAt < row.dueAt).toBe(true);
    const counts = (await request(t.app, { method: 'GET', url: '/api/views/counts', cookie: cookies.agent })).json();
    expect(counts.builtIn.due_soon.count).toBeGreaterThanOrEqual(2);
    // Paged by due time: the second page goes on after the first.
    const first = (await request(t.app, { method: 'GET', url: '/api/tickets?sort=due&limit=2', cookie: cookies.agent })).json();
    const second = (await request(t.app, { method: 'GET', url: `/api/tickets?sort=due&limit=2&cursor=${first.nextCursor}`, cookie: cookies.agent })).json();
    expect(second.tickets[0].slaDue.dueAt >= first.tickets[1].slaDue.dueAt).toBe(true);
  });

  it('shows a customer only the expected first response, never an internal target; another company’s contact gets 404', async () => {
    const number = await open('RM');
    const res = await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies.contact });
    const body = res.json();
    expect(body.sla).toBeUndefined();
    expect(body.customerSla).toEqual({ firstResponseDueAt: (await clock(number)).dueAt });
    for (const secret of ['targetMinutes', 'warnAt', 'Padrão', 'resolution', 'pausedMinutes', 'Comercial']) expect(res.body).not.toContain(secret);
    const list = await request(t.app, { method: 'GET', url: '/api/tickets', cookie: cookies.contact });
    expect(list.body).not.toContain('"slaDue"');
    expect((await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies.beta })).statusCode).toBe(404);
  });

  it('keeps running on hold under the default policy (customers see it in progress), and starts a new resolution on reopening', async () => {
    const number = await open('RM');
    expect((await patch(number, { status: 'on_hold' })).statusCode).toBe(200);
    expect((await clock(number, 'resolution')).state).toBe('running');
    expect((await ticket(number, 'contact')).status).toBe('in_progress');
    expect((await post(number, 'agent', { body: 'Corrigido na versão 12.1.2410.', action: 'propose_solution' })).statusCode).toBe(200);
    expect((await request(t.app, { method: 'POST', url: `/api/tickets/${number}/confirm`, cookie: cookies.contact, payload: {} })).statusCode).toBe(200);
    expect((await request(t.app, { method: 'POST', url: `/api/tickets/${number}/reopen`, cookie: cookies.contact, payload: { comment: 'O erro voltou.' } })).statusCode).toBe(200);
    const view = await ticket(number);
    expect(view.sla.targets.filter((c: { target: string }) => c.target === 'resolution').map((c: { cycle: number; state: string }) => [c.cycle, c.state])).toEqual([
      [1, 'met'],
      [2, 'running'],
    ]);
    expect(view.slaDue.dueAt).not.toBeNull();
  });

  it('documents the clocks in the OpenAPI document: the page’s two views, the rows’ due time, the due sort and the SLA views', async () => {
    const doc = (await request(t.app, { method: 'GET', url: '/api/openapi.json' })).json();
    const page = JSON.stringify(doc.paths['/api/tickets/{number}'].get.responses['200']);
    for (const field of ['customerSla', 'firstResponseDueAt', 'slaDue', 'targetMinutes', 'pauses']) expect(page).toContain(field);
    const list = doc.paths['/api/tickets'].get;
    expect(JSON.stringify(list.responses['200'])).toContain('slaDue');
    const param = (name: string) => JSON.stringify(list.parameters.find((p: { name: string }) => p.name === name));
    expect(param('sort')).toContain('due');
    expect(param('view')).toContain('due_soon');
    expect(param('view')).toContain('breached');
  });

  it('meets the resolution on closing', async () => {
    const number = await open('CLOUD');
    expect((await post(number, 'agent', { body: 'Backup restaurado.', action: 'propose_solution' })).statusCode).toBe(200);
    expect((await clock(number, 'resolution')).state).toBe('paused');
    expect((await request(t.app, { method: 'POST', url: `/api/tickets/${number}/confirm`, cookie: cookies.contact, payload: {} })).statusCode).toBe(200);
    expect(await clock(number, 'resolution')).toMatchObject({ state: 'met', metAt: expect.any(String) });
    expect((await t.db.selectFrom('ticket').select('sla_due_at').where('number', '=', number).executeTakeFirstOrThrow()).sla_due_at).toBeNull();
  });
  // Last: its job runs at a Sunday to come mark every clock due before then as breached.
  it('holds a warning that falls outside business hours until the next business minute (Comercial São Paulo)', async () => {
    const number = await open('RM');
    const id = await idOf(number);
    const sunday = new Date(Date.now() + 7 * 86_400_000);
    sunday.setUTCDate(sunday.getUTCDate() - sunday.getUTCDay());
    sunday.setUTCHours(6, 0, 0, 0); // 03:00 in São Paulo
    const clockOf = () => t.db.selectFrom('ticket_sla').select(['warn_at', 'warned_at']).where('ticket_id', '=', id).where('target', '=', 'first_response').executeTakeFirstOrThrow();
    await t.db
      .updateTable('ticket_sla')
      .set({ warn_at: new Date(sunday.getTime() - 2 * 3_600_000).toISOString(), due_at: new Date(sunday.getTime() + 30 * 86_400_000).toISOString() })
      .where('ticket_id', '=', id)
      .where('target', '=', 'first_response')
      .execute();
    const warnings = () => t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', `[#${number}] Prazo perto de vencer%`).execute();
    await runSlaJob(t, sunday);
    expect(await warnings()).toHaveLength(0);
    const held = await clockOf();
    expect(held.warned_at).toBeNull();
    const at = new Date(String(held.warn_at));
    expect(at.getTime()).toBeGreaterThan(sunday.getTime());
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(at)).toMatch(/^(Mon|Tue|Wed) 08:00$/);
    await runSlaJob(t, new Date(at.getTime() + 60_000));
    expect(await warnings()).toHaveLength(1);
  });
});
