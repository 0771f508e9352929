import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { addAgent, listen, openStream, signInOver } from '../../test/live';
import { mentionedIn } from './notifications.service';

describe('mentions', () => {
  const agents = [
    { id: 'ana', name: 'Ana Souza' },
    { id: 'ana2', name: 'Ana Lima' },
    { id: 'bruno', name: 'Bruno Reis' },
  ];
  it('finds @ and a full name, or a first name that only one agent has, in any case, not inside a longer word', () => {
    expect(mentionedIn('@Bruno, veja isto', agents)).toEqual(['bruno']);
    expect(mentionedIn('fale com @ana souza e @BRUNO REIS', agents)).toEqual(['ana', 'bruno']);
    // Two Anas: "@Ana" names neither.
    expect(mentionedIn('@Ana veja', agents)).toEqual([]);
    expect(mentionedIn('@Brunoo, bruno@empresa.com, Bruno sem arroba', agents)).toEqual([]);
  });
});

describe('notifications', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  let brunaId: string;
  const form = async (line = 'RM') => (await demoForm(t.db, line)).fields;
  const open = async (line = 'RM') => {
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: cookies.contact, payload: await form(line) });
    expect(res.statusCode).toBe(201);
    return res.json().number as number;
  };
  const ticket = async (number: number, who = 'agent') => (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: cookies[who] })).json();
  const list = async (who: string) => (await request(t.app, { method: 'GET', url: '/api/notifications', cookie: cookies[who] })).json();
  const mailsTo = async (email: string) =>
    (await t.db.selectFrom('outbox_mail').select(['subject', 'text']).where('to_address', '=', email).orderBy('id').execute()).map((m) => m.text);
  const assign = async (number: number, assigneeId: string | null, who = 'agent') =>
    request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: cookies[who], payload: { revision: (await ticket(number)).revision, assigneeId } });

  beforeAll(async () => {
    t = await buildTestApp();
    brunaId = await addAgent(t.db, 'Bruna Bastos', 'bruna@atende.example');
    await addAgent(t.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
    cookies = {
      agent: await signIn(t.app, demoRoles.agent),
      bruna: await signIn(t.app, 'bruna@atende.example'),
      carla: await signIn(t.app, 'carla@atende.example'),
      contact: await signIn(t.app, demoRoles.contact),
    };
  });
  afterAll(() => t.close());

  it('tells an agent a colleague assigned them a ticket, in the app and by mail; taking one oneself tells nobody', async () => {
    const number = await open();
    expect((await assign(number, brunaId)).statusCode).toBe(200);
    const { notifications, unread } = await list('bruna');
    expect(unread).toBe(1);
    expect(notifications).toEqual([
      { id: expect.any(Number), kind: 'assigned', ticket: { number, summary: expect.any(String) }, actor: { id: expect.any(String), name: 'André Analista' }, createdAt: expect.any(String), read: false },
    ]);
    expect((await mailsTo('bruna@atende.example')).at(-1)).toContain(`André Analista atribuiu o chamado #${number} a você.`);

    const other = await open();
    const take = await request(t.app, { method: 'POST', url: `/api/tickets/${other}/take`, cookie: cookies.agent, payload: { revision: 1 } });
    expect(take.statusCode).toBe(200);
    expect((await list('agent')).notifications).toEqual([]);
  });

  it("tells the agents of the ticket's group a note mentions, with the note by mail; not a reply's words, not an agent outside the group", async () => {
    const number = await open('PROTHEUS');
    const note = await request(t.app, {
      method: 'POST',
      url: `/api/tickets/${number}/articles`,
      cookie: cookies.agent,
      payload: { body: '@Bruna pode olhar? @Carla também, e @André', internal: true },
    });
    expect(note.statusCode).toBe(200);
    const mentioned = (await list('bruna')).notifications.filter((n: { kind: string }) => n.kind === 'mentioned');
    expect(mentioned.map((n: { ticket: { number: number } }) => n.ticket.number)).toEqual([number]);
    expect((await mailsTo('bruna@atende.example')).at(-1)).toContain('@Bruna pode olhar?');
    // Carla is not in Suporte PROTHEUS; André wrote the note.
    expect((await list('carla')).notifications).toEqual([]);
    expect((await list('agent')).notifications).toEqual([]);

    await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: cookies.agent, payload: { body: 'Resposta ao cliente, @Bruna' } });
    expect((await list('bruna')).notifications.filter((n: { kind: string }) => n.kind === 'mentioned')).toHaveLength(1);
  });

  it("tells the assignee of a customer's answer; its mail follows the assignee's preference", async () => {
    const number = await open();
    await assign(number, brunaId);
    const before = (await mailsTo('bruna@atende.example')).length;
    const answer = () => request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: cookies.contact, payload: { body: 'Segue o anexo pedido.' } });
    expect((await answer()).statusCode).toBe(200);
    const replied = (await list('bruna')).notifications.filter((n: { kind: string }) => n.kind === 'customer_replied');
    expect(replied).toEqual([expect.objectContaining({ ticket: expect.objectContaining({ number }), actor: expect.objectContaining({ name: 'Carlos Contato' }) })]);
    expect(await mailsTo('bruna@atende.example')).toHaveLength(before + 1);

    const off = await request(t.app, { method: 'PUT', url: '/api/me/notification-preferences', cookie: cookies.bruna, payload: { mail: { assigned: true, mentioned: true, customer_replied: false } } });
    expect(off.json()).toEqual({ mail: { assigned: true, mentioned: true, customer_replied: false } });
    await answer();
    expect((await list('bruna')).notifications.filter((n: { kind: string }) => n.kind === 'customer_replied')).toHaveLength(2);
    expect(await mailsTo('bruna@atende.example')).toHaveLength(before + 1);
  });

  it('leaves the mail of an assignment out when the agent does not want it', async () => {
    expect((await request(t.app, { method: 'GET', url: '/api/me/notification-preferences', cookie: cookies.carla })).json()).toEqual({ mail: { assigned: true, mentioned: true, customer_replied: true } });
    await request(t.app, { method: 'PUT', url: '/api/me/notification-preferences', cookie: cookies.carla, payload: { mail: { assigned: false, mentioned: true, customer_replied: true } } });
    const carla = await t.db.selectFrom('person').select('id').where('email', '=', 'carla@atende.example').executeTakeFirstOrThrow();
    const number = await open();
    await assign(number, carla.id);
    expect((await list('carla')).notifications.map((n: { kind: string }) => n.kind)).toEqual(['assigned']);
    expect(await mailsTo('carla@atende.example')).toEqual([]);
  });

  it('marks read the ids given (only the reader\'s own) or all, and counts the unread', async () => {
    const mine = (await list('bruna')).notifications as { id: number; read: boolean }[];
    const carlas = (await list('carla')).notifications as { id: number }[];
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const read = await request(t.app, { method: 'POST', url: '/api/notifications/read', cookie: cookies.bruna, payload: { ids: [mine[0]!.id, carlas[0]!.id] } });
    expect(read.json()).toEqual({ unread: mine.length - 1 });
    expect((await list('carla')).unread).toBe(carlas.length);
    expect((await list('bruna')).notifications[0].read).toBe(true);
    expect((await request(t.app, { method: 'POST', url: '/api/notifications/read', cookie: cookies.bruna, payload: { all: true } })).json()).toEqual({ unread: 0 });
    expect((await list('bruna')).notifications.every((n: { read: boolean }) => n.read)).toBe(true);
  });

  it("shows no notification of a ticket the person may no longer read", async () => {
    const number = await open();
    const carla = await t.db.selectFrom('person').select('id').where('email', '=', 'carla@atende.example').executeTakeFirstOrThrow();
    await assign(number, carla.id);
    const count = (await list('carla')).unread as number;
    const protheus = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte PROTHEUS').executeTakeFirstOrThrow();
    const moved = await request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: cookies.agent, payload: { revision: (await ticket(number)).revision, groupId: protheus.id, transferNote: 'Outro produto' } });
    expect(moved.statusCode).toBe(200);
    const after = await list('carla');
    expect(after.unread).toBe(count - 1);
    expect(after.notifications.some((n: { ticket: { number: number } }) => n.ticket.number === number)).toBe(false);
  });

  it('answers the preferences to the staff only, and lists a customer none', async () => {
    expect((await request(t.app, { method: 'GET', url: '/api/me/notification-preferences', cookie: cookies.contact })).statusCode).toBe(403);
    expect((await request(t.app, { method: 'PUT', url: '/api/me/notification-preferences', cookie: cookies.contact, payload: { mail: { assigned: false, mentioned: false, customer_replied: false } } })).statusCode).toBe(403);
    expect(await list('contact')).toEqual({ notifications: [], unread: 0, nextBefore: null });
    expect((await request(t.app, { method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('pages newest first', async () => {
    const all = (await list('bruna')).notifications as { id: number }[];
    const first = (await request(t.app, { method: 'GET', url: '/api/notifications?limit=2', cookie: cookies.bruna })).json();
    expect(first.notifications.map((n: { id: number }) => n.id)).toEqual(all.slice(0, 2).map((n) => n.id));
    const second = (await request(t.app, { method: 'GET', url: `/api/notifications?limit=2&before=${first.nextBefore}`, cookie: cookies.bruna })).json();
    expect(second.notifications.map((n: { id: number }) => n.id)).toEqual(all.slice(2, 4).map((n) => n.id));
  });

  it("pushes the unread count to the person's event streams", async () => {
    const base = await listen(t.app);
    const stream = await openStream(base, await signInOver(base, 'bruna@atende.example'));
    await stream.next((e) => e.event === 'ready');
    const unread = (await list('bruna')).unread as number;
    await assign(await open(), brunaId);
    await stream.next((e) => e.event === 'notification' && e.data.unread === unread + 1);
    await request(t.app, { method: 'POST', url: '/api/notifications/read', cookie: cookies.bruna, payload: { all: true } });
    await stream.next((e) => e.event === 'notification' && e.data.unread === 0);
    stream.close();
  });
});
