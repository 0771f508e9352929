import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketView } from '../../../contracts/tickets';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { remindAndCloseWaiting } from './closing.waiting';

describe('closing a ticket with a reason', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => request(t.app, { method, url, cookie: c[who], ...(payload ? { payload } : {}) });
  const open = async (who = 'contact', line = 'RM') => {
    const res = await call(who, 'POST', '/api/tickets', (await demoForm(t.db, line)).fields);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().number as number;
  };
  const get = async (who: string, number: number) => (await call(who, 'GET', `/api/tickets/${number}`)).json();
  const reasonId = async (key: string) => (await t.db.selectFrom('close_reason').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  const mailsAbout = (number: number) => t.db.selectFrom('outbox_mail').select(['to_address', 'text']).where('subject', 'like', `[#${number}]%`).orderBy('id').execute();

  beforeAll(async () => {
    t = await buildTestApp();
    for (const [who, email] of [['agent', demoRoles.agent], ['admin', demoRoles.admin], ['contact', demoRoles.contact], ['portalAdmin', demoRoles.portalAdmin], ['beta', 'admin@beta.example']] as const) {
      c[who] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  it('offers the agent the administrator’s active reasons, and closes with one: the customer is mailed and sees the reason and the message', async () => {
    const reasons = (await call('agent', 'GET', '/api/close-reasons')).json().reasons as { id: number; name: string }[];
    expect(reasons.map((r) => r.name)).toEqual(expect.arrayContaining(['Duplicado', 'Spam', 'Resolvido por telefone', 'Sem retorno do cliente']));
    const number = await open();
    const before = await get('agent', number);
    expect(before.actions.closeWithReason).toBe(true);
    const byPhone = reasons.find((r) => r.name === 'Resolvido por telefone')!.id;
    const mailsBefore = (await mailsAbout(number)).length;

    const res = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision: before.revision, reasonId: byPhone, message: 'Conforme combinamos por telefone, o cálculo foi corrigido.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(ticketView.parse(res.json())).toMatchObject({ status: 'closed', closeReason: { id: byPhone, name: 'Resolvido por telefone' }, revision: before.revision + 1 });

    const mails = (await mailsAbout(number)).slice(mailsBefore);
    expect(mails.map((m) => m.to_address)).toEqual([demoRoles.contact]);
    expect(mails[0]!.text).toContain('Motivo: Resolvido por telefone');
    expect(mails[0]!.text).toContain('Conforme combinamos por telefone');

    const seen = await get('contact', number);
    expect(seen).toMatchObject({ status: 'closed', closeReason: { name: 'Resolvido por telefone' } });
    expect(seen.articles.at(-1).body).toContain('Conforme combinamos por telefone');
    expect(seen.history.map((e: { kind: string }) => e.kind)).toContain('closing.closed');
    // Closed with a reason, the requester may rate and reopen it as any closed ticket; reopened, it has no reason.
    expect(seen.actions.rate).toBe(true);
    const reopened = await call('contact', 'POST', `/api/tickets/${number}/reopen`, { comment: 'Voltou a acontecer.' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', closeReason: null });
  });

  it('names the reason in the customer’s language', async () => {
    await t.db.updateTable('person').set({ language: 'es' }).where('email', '=', demoRoles.contact).execute();
    try {
      const number = await open();
      const { revision } = await get('agent', number);
      expect((await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('no_response') })).statusCode).toBe(200);
      const [mail] = (await mailsAbout(number)).slice(-1);
      expect(mail!.text).toContain('Motivo: Sin respuesta del cliente');
    } finally {
      await t.db.updateTable('person').set({ language: 'pt-BR' }).where('email', '=', demoRoles.contact).execute();
    }
  });

  it('tells the customer nothing when the reason is spam', async () => {
    const number = await open();
    const mailsBefore = (await mailsAbout(number)).length;
    const { revision } = await get('agent', number);
    const res = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('spam') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closeReason: { name: 'Spam' } });
    expect((await mailsAbout(number)).length).toBe(mailsBefore);
    // The customer sees the ticket closed, and nothing of the reason.
    const seen = await get('contact', number);
    expect(seen.status).toBe('closed');
    expect(seen.closeReason).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('Spam');
  });

  it('refuses a stale revision with 409 and closes nothing', async () => {
    const number = await open();
    const { revision } = await get('agent', number);
    expect((await call('agent', 'POST', `/api/tickets/${number}/articles`, { body: 'Estamos analisando.' })).statusCode).toBe(200);
    const res = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('duplicate') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.revision).toBe(revision + 1);
    expect((await get('agent', number)).status).toBe('in_progress');
  });

  it('lets one of two closings at the same moment win; the other gets 409', async () => {
    const number = await open();
    const { revision } = await get('agent', number);
    const both = await Promise.all([
      call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('duplicate') }),
      call('admin', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('spam') }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.selectFrom('ticket_event').innerJoin('ticket', 'ticket.id', 'ticket_event.ticket_id').select('ticket_event.kind').where('ticket.number', '=', number).where('ticket_event.kind', '=', 'closing.closed').execute();
    expect(events).toHaveLength(1);
  });

  it('answers an unknown or inactive reason with 400 naming the field, in the user’s language', async () => {
    const number = await open();
    const { revision } = await get('agent', number);
    const unknown = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: 999_999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ reasonId: expect.stringMatching(/lista/i) });
    await t.db.updateTable('person').set({ language: 'en' }).where('email', '=', demoRoles.agent).execute();
    try {
      const res = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: 999_999 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.reasonId).toMatch(/list/i);
      expect(res.json().error.fields.reasonId).not.toEqual(unknown.json().error.fields.reasonId);
    } finally {
      await t.db.updateTable('person').set({ language: 'pt-BR' }).where('email', '=', demoRoles.agent).execute();
    }
    const missing = await call('agent', 'POST', `/api/tickets/${number}/close`, { revision });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['reasonId']);
    expect((await get('agent', number)).status).toBe('new');
  });

  it('never lets a customer close with a reason, and another company’s contact gets 404', async () => {
    const number = await open();
    const { revision, actions } = await get('contact', number);
    expect(actions.closeWithReason).toBe(false);
    for (const who of ['contact', 'portalAdmin']) {
      const res = await call(who, 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('duplicate') });
      expect(res.statusCode, who).toBe(403);
    }
    const foreign = await call('beta', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('duplicate') });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual((await call('beta', 'POST', '/api/tickets/99999999/close', { revision, reasonId: 1 })).json());
    expect((await call('contact', 'GET', '/api/close-reasons')).statusCode).toBe(403);
    expect((await get('agent', number)).status).toBe('new');
  });

  it('lets only the system administrator edit the reasons and the waiting days', async () => {
    const created = await call('admin', 'POST', '/api/admin/close-reasons', { names: { 'pt-BR': 'Fora do escopo', en: 'Out of scope' }, notifyCustomer: true, position: 5 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect((await call('agent', 'POST', '/api/admin/close-reasons', { names: { 'pt-BR': 'X' } })).statusCode).toBe(403);
    const bad = await call('admin', 'POST', '/api/admin/close-reasons', { names: { en: 'No Portuguese' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('names.pt-BR');
    expect((await call('admin', 'PUT', `/api/admin/close-reasons/${id}`, { names: { 'pt-BR': 'Fora do escopo' }, active: false })).json().active).toBe(false);
    const offered = (await call('agent', 'GET', '/api/close-reasons')).json().reasons as { id: number }[];
    expect(offered.map((r) => r.id)).not.toContain(id);
    const number = await open();
    const { revision } = await get('agent', number);
    expect((await call('agent', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: id })).statusCode).toBe(400);

    expect((await call('admin', 'GET', '/api/admin/closing')).json()).toEqual({ waitingCustomerDays: 7 });
    expect((await call('admin', 'PUT', '/api/admin/closing', { waitingCustomerDays: -1 })).json().error.fields).toHaveProperty('waitingCustomerDays');
    expect((await call('agent', 'PUT', '/api/admin/closing', { waitingCustomerDays: 3 })).statusCode).toBe(403);
    expect((await call('admin', 'PUT', '/api/admin/closing', { waitingCustomerDays: 3 })).statusCode).toBe(200);
    expect((await call('admin', 'GET', '/api/admin/closing')).json()).toEqual({ waitingCustomerDays: 3 });
    await call('admin', 'PUT', '/api/admin/closing', { waitingCustomerDays: 7 });
  });

  it('answers a revision beyond any row’s with 400 naming it, on every ticket action that takes one', async () => {
    const number = await open();
    const other = await open();
    const revision = 3_000_000_000;
    const attempts: [string, 'POST' | 'PATCH', string, object][] = [
      ['close', 'POST', `/api/tickets/${number}/close`, { revision, reasonId: await reasonId('spam') }],
      ['link', 'POST', `/api/tickets/${number}/links`, { revision, number: other }],
      ['merge', 'POST', `/api/tickets/${number}/merge`, { revision, targetNumber: other }],
      ['edit', 'PATCH', `/api/tickets/${number}`, { revision, status: 'on_hold' }],
      ['take', 'POST', `/api/tickets/${number}/take`, { revision }],
    ];
    for (const [what, method, url, payload] of attempts) {
      const res = await call('agent', method, url, payload);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields), what).toEqual(['revision']);
    }
    expect((await get('agent', number)).status).toBe('new');
  });
});

describe('tickets waiting for the customer', () => {
  let t: TestApp;
  let agent: string;
  let contact: string;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await buildTestApp();
    agent = await signIn(t.app, demoRoles.agent);
    contact = await signIn(t.app, demoRoles.contact);
  });
  afterAll(() => t.close());

  /** A ticket an agent asked the customer about, `days` ago. */
  const waiting = async (days: number) => {
    const opened = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: (await demoForm(t.db, 'RM')).fields });
    const number = opened.json().number as number;
    const asked = await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: 'Qual a versão instalada?', action: 'ask_customer' } });
    expect(asked.json().status).toBe('waiting_customer');
    await t.db.updateTable('ticket').set({ waiting_since: daysAgo(days) }).where('number', '=', number).execute();
    return number;
  };
  const state = (number: number) => t.db.selectFrom('ticket').select(['status', 'reminded_at', 'close_reason_id', 'revision']).where('number', '=', number).executeTakeFirstOrThrow();
  const mails = (number: number, words: string) => t.db.selectFrom('outbox_mail').select('to_address').where('subject', 'like', `[#${number}]%`).where('text', 'like', `%${words}%`).execute();

  it('reminds the customer once after the days without an answer, then closes the ticket, each once with two processes running the job', async () => {
    const fresh = await waiting(2);
    const due = await waiting(8);
    const other = t.openAnother();
    try {
      const run = () => Promise.all([remindAndCloseWaiting(t), remindAndCloseWaiting({ db: other, config: t.config })]);
      const [a, b] = await run();
      expect(a + b).toBe(1);
      expect((await state(due)).reminded_at).not.toBeNull();
      expect((await state(fresh)).reminded_at).toBeNull();
      expect(await mails(due, 'aguarda a sua resposta há 7 dias')).toEqual([{ to_address: demoRoles.contact }]);
      // Again at once: nothing more to do, and no second reminder.
      expect((await run()).reduce((x, y) => x + y)).toBe(0);
      expect(await mails(due, 'aguarda a sua resposta')).toHaveLength(1);

      // Seven days after the reminder, still no answer: closed with "Sem retorno do cliente", once.
      await t.db.updateTable('ticket').set({ waiting_since: daysAgo(15), reminded_at: daysAgo(8) }).where('number', '=', due).execute();
      const [c1, c2] = await run();
      expect(c1 + c2).toBe(1);
      const closed = await state(due);
      expect(closed.status).toBe('closed');
      const reason = await t.db.selectFrom('close_reason').select('id').where('key', '=', 'no_response').executeTakeFirstOrThrow();
      expect(closed.close_reason_id).toBe(reason.id);
      expect(await mails(due, 'ficou 14 dias sem a sua resposta')).toHaveLength(1);
      const page = (await request(t.app, { method: 'GET', url: `/api/tickets/${due}`, cookie: contact })).json();
      expect(page.closeReason.name).toBe('Sem retorno do cliente');
      expect(page.history.filter((e: { kind: string }) => e.kind.startsWith('closing.')).map((e: { kind: string; actor: unknown }) => [e.kind, e.actor])).toEqual([
        ['closing.reminded', null],
        ['closing.closed', null],
      ]);
      expect((await run()).reduce((x, y) => x + y)).toBe(0);
    } finally {
      await other.destroy();
    }
  });

  it('starts the clock again when the customer answers and the agent asks again', async () => {
    const number = await waiting(8);
    expect(await remindAndCloseWaiting(t)).toBe(1);
    await t.db.updateTable('ticket').set({ reminded_at: daysAgo(3) }).where('number', '=', number).execute();
    expect((await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: contact, payload: { body: 'Versão 12.1.2410.' } })).json().status).toBe('in_progress');
    expect((await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: 'E o ambiente?', action: 'ask_customer' } })).json().status).toBe('waiting_customer');
    // Asked again just now: neither reminded (the old reminder predates the new wait) nor closed.
    expect(await remindAndCloseWaiting(t)).toBe(0);
    expect((await state(number)).status).toBe('waiting_customer');
  });
});
