import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, type TestApp } from '../../test/harness';
import { addAgent, listen, openStream, send, signInOver, type OpenStream, type StreamEvent } from '../../test/live';

const ticketEvents = (s: OpenStream, number: number) => s.events.filter((e) => e.event === 'ticket' && e.data.number === number);
const isTicket = (number: number, revision?: number) => (e: StreamEvent) => e.event === 'ticket' && e.data.number === number && (revision === undefined || e.data.revision === revision);

describe('the event stream', () => {
  let t: TestApp;
  let base: string;
  const cookies: Record<string, string> = {};
  const streams: OpenStream[] = [];
  const open = async (who: string) => {
    const s = await openStream(base, cookies[who]);
    streams.push(s);
    await s.next((e) => e.event === 'ready');
    return s;
  };
  const openTicket = async (who: string, extra: Record<string, unknown> = {}) => {
    const res = await send(base, 'POST', '/api/tickets', cookies[who]!, { ...(await demoForm(t.db, 'RM')).fields, ...extra });
    expect(res.status).toBe(201);
    return (await res.json()).number as number;
  };
  const write = async (who: string, number: number, body: Record<string, unknown>) => {
    const res = await send(base, 'POST', `/api/tickets/${number}/articles`, cookies[who]!, body);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    base = await listen(t.app);
    await addAgent(t.db, 'Bruna Bastos', 'bruna@atende.example');
    // An agent of Suporte RM only: a ticket moved to another group leaves her lists.
    await addAgent(t.db, 'Carla Campos', 'carla@atende.example', ['Suporte RM']);
    const emails = { ...demoRoles, bruna: 'bruna@atende.example', carla: 'carla@atende.example', beta: 'contato@beta.example', betaAdmin: 'admin@beta.example' };
    for (const [who, email] of Object.entries(emails)) cookies[who] = await signInOver(base, email);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t.close();
  });

  it('answers a visitor 401 and opens with `ready` for a signed-in person', async () => {
    const visitor = await openStream(base);
    expect(visitor.status).toBe(401);
    const agent = await open('agent');
    expect(agent.status).toBe(200);
    expect(agent.events[0]).toEqual({ event: 'ready', data: {} });
  });

  it("tells a customer of public replies on their tickets only: never a note, never another company's ticket", async () => {
    const agent = await open('agent');
    const contact = await open('contact');
    const portalAdmin = await open('portalAdmin');
    const beta = await open('beta');
    const betaAdmin = await open('betaAdmin');
    const number = await openTicket('contact');
    await agent.next(isTicket(number, 1));
    await contact.next(isTicket(number, 1));
    await portalAdmin.next(isTicket(number, 1));

    const note = await write('agent', number, { body: 'Nota: cliente com contrato vencido', internal: true });
    expect(note.status).toBe(200);
    const noteRevision = note.body.revision as number;
    await agent.next(isTicket(number, noteRevision));
    const reply = await write('agent', number, { body: 'Estamos verificando o cálculo.' });
    const replyRevision = reply.body.revision as number;
    await agent.next(isTicket(number, replyRevision));
    await contact.next(isTicket(number, replyRevision));
    await portalAdmin.next(isTicket(number, replyRevision));

    // Events come in order: the reply's arrived, so the note's would have come before it.
    for (const s of [contact, portalAdmin]) expect(ticketEvents(s, number).map((e) => e.data.revision)).toEqual([1, replyRevision]);
    // Another company's people hear nothing of it, and no stream of a customer carries a note's revision.
    const betaForm = await demoForm(t.db, 'DATASUL');
    const betaRes = await send(base, 'POST', '/api/tickets', cookies.beta!, betaForm.fields);
    expect(betaRes.status).toBe(201);
    const betaTicket = (await betaRes.json()).number as number;
    await beta.next(isTicket(betaTicket, 1));
    await betaAdmin.next(isTicket(betaTicket, 1));
    for (const s of [beta, betaAdmin]) expect(s.events.filter((e) => e.event === 'ticket').map((e) => e.data.number)).toEqual([betaTicket]);
    expect(ticketEvents(contact, betaTicket)).toEqual([]);
    for (const s of [contact, portalAdmin, beta, betaAdmin]) expect(s.events.some((e) => e.data.revision === noteRevision && e.data.number === number)).toBe(false);
  });

  it('tells a contact who sees only their own tickets of those they are copied on, and not of the others of their company', async () => {
    const contact = await open('contact');
    const copied = await openTicket('portalAdmin', { additionalEmails: [demoRoles.contact] });
    const notCopied = await openTicket('portalAdmin');
    // A later ticket of the contact's own: once it is told, the earlier ones would have been.
    const own = await openTicket('contact');
    await contact.next(isTicket(own));
    await contact.next(isTicket(copied));
    expect(ticketEvents(contact, notCopied)).toEqual([]);
  });

  it('tells the group a ticket left that it is gone, and nothing more about it', async () => {
    const carla = await open('carla');
    const number = await openTicket('contact');
    await carla.next(isTicket(number, 1));
    const other = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte PROTHEUS').executeTakeFirstOrThrow();
    const moved = await send(base, 'PATCH', `/api/tickets/${number}`, cookies.agent!, { revision: 1, groupId: other.id, transferNote: 'É do Protheus' });
    expect(moved.status).toBe(200);
    await carla.next((e) => e.event === 'ticket' && e.data.number === number && e.data.gone === true);
    const reply = await write('agent', number, { body: 'Agora no Protheus.' });
    expect(reply.status).toBe(200);
    const agent = await open('agent');
    const after = await write('agent', number, { body: 'Mais uma.' });
    await agent.next(isTicket(number, after.body.revision as number));
    expect(ticketEvents(carla, number)).toEqual([{ event: 'ticket', data: { number, revision: 1 } }, { event: 'ticket', data: { number, gone: true } }]);
  });

  it("shows the staff who else is on a ticket's page and who is typing; a customer hears none of it and learns no names", async () => {
    const number = await openTicket('contact');
    const andre = await open('agent');
    const contact = await open('contact');
    const presence = (who: string, activity: string) => send(base, 'POST', `/api/tickets/${number}/presence`, cookies[who]!, { activity });

    expect(await (await presence('agent', 'viewing')).json()).toEqual({ viewers: [] });
    expect((await presence('bruna', 'viewing')).status).toBe(200);
    const seen = await andre.next((e) => e.event === 'presence' && e.data.number === number);
    expect(seen.data).toEqual({ number, person: { id: expect.any(String), name: 'Bruna Bastos', side: 'agent' }, activity: 'viewing' });
    expect(await (await presence('agent', 'viewing')).json()).toEqual({ viewers: [{ id: seen.data.person && (seen.data.person as { id: string }).id, name: 'Bruna Bastos', side: 'agent', typing: false }] });

    await presence('bruna', 'typing');
    await andre.next((e) => e.event === 'presence' && e.data.activity === 'typing');
    expect((await (await presence('agent', 'viewing')).json()).viewers).toEqual([expect.objectContaining({ name: 'Bruna Bastos', typing: true })]);

    expect(await (await presence('contact', 'viewing')).json()).toEqual({ viewers: [] });
    await andre.next((e) => e.event === 'presence' && (e.data.person as { side: string }).side === 'customer');
    await presence('bruna', 'left');
    await andre.next((e) => e.event === 'presence' && e.data.activity === 'left');
    expect(contact.events.filter((e) => e.event === 'presence')).toEqual([]);
  });

  it('lets whoever reads a ticket announce presence on it: a policy table of role × whose ticket', async () => {
    const rm = await openTicket('contact');
    const protheusRes = await send(base, 'POST', '/api/tickets', cookies.portalAdmin!, (await demoForm(t.db, 'PROTHEUS')).fields);
    const protheus = (await protheusRes.json()).number as number;
    const table: [string, number, number][] = [
      // who, on the contact's RM ticket, on the portal administrator's PROTHEUS ticket
      ['contact', 200, 404],
      ['portalAdmin', 200, 200],
      ['beta', 404, 404],
      ['betaAdmin', 404, 404],
      ['agent', 200, 200],
      ['carla', 200, 404],
      ['admin', 200, 200],
    ];
    for (const [who, onRm, onProtheus] of table) {
      const statuses = [];
      for (const number of [rm, protheus]) statuses.push((await send(base, 'POST', `/api/tickets/${number}/presence`, cookies[who]!, { activity: 'viewing' })).status);
      expect([who, ...statuses]).toEqual([who, onRm, onProtheus]);
    }
    expect((await fetch(`${base}/api/tickets/${rm}/presence`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: '{"activity":"viewing"}' })).status).toBe(401);
  });

  it("answers 404 to presence on a ticket one may not read, and 400 naming the activity that is not one", async () => {
    const number = await openTicket('contact');
    expect((await send(base, 'POST', `/api/tickets/${number}/presence`, cookies.beta!, { activity: 'viewing' })).status).toBe(404);
    const bad = await send(base, 'POST', `/api/tickets/${number}/presence`, cookies.contact!, { activity: 'dancing' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()).error as { fields: Record<string, string> }).fields.activity).toBeTruthy();
  });

  it('refuses a reply when a newer article the writer may read arrived, with those articles; a note never stops a customer', async () => {
    const number = await openTicket('contact');
    const first = await write('agent', number, { body: 'Primeira resposta.' });
    const seen = (first.body.articles as { id: number }[]).at(-1)!.id;
    const second = await write('bruna', number, { body: 'Resposta da Bruna.', lastSeenArticleId: seen });
    expect(second.status).toBe(200);

    const stale = await write('agent', number, { body: 'Resposta que repete a da Bruna.', lastSeenArticleId: seen });
    expect(stale.status).toBe(409);
    const error = stale.body.error as { code: string; message: string; newer: { body: string; author: { name: string } }[] };
    expect(error.code).toBe('conflict');
    expect(error.newer.map((a) => [a.author.name, a.body])).toEqual([['Bruna Bastos', 'Resposta da Bruna.']]);
    const after = (await (await send(base, 'GET', `/api/tickets/${number}`, cookies.agent!)).json()).articles as { body: string }[];
    expect(after.map((a) => a.body)).not.toContain('Resposta que repete a da Bruna.');

    const latest = (await (await send(base, 'GET', `/api/tickets/${number}`, cookies.contact!)).json()).articles as { id: number }[];
    await write('agent', number, { body: 'Nota que o cliente não vê.', internal: true });
    const answer = await write('contact', number, { body: 'Obrigado.', lastSeenArticleId: latest.at(-1)!.id });
    expect(answer.status).toBe(200);
    const late = await write('contact', number, { body: 'Outra.', lastSeenArticleId: latest.at(-1)!.id });
    expect(late.status).toBe(409);
    expect(((late.body.error as { newer: { body: string; internal: boolean }[] }).newer).map((a) => a.body)).toEqual(['Obrigado.']);
  });
});

describe('event streams held open', () => {
  let t: TestApp;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    // Short limits: a stream outlives them by its heartbeats.
    t = await buildTestApp({ env: { IDLE_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2', HEADERS_TIMEOUT_SECONDS: '1', KEEP_ALIVE_TIMEOUT_SECONDS: '1', LIVE_STREAMS_PER_PERSON: '2', LIVE_STREAMS_PER_PROCESS: '3' } });
    base = await listen(t.app);
    cookie = await signInOver(base, demoRoles.agent);
  });
  afterAll(() => t.close());

  it('outlive the idle and request timeouts with heartbeats, and still carry changes', async () => {
    const stream = await openStream(base, cookie);
    let ended = false;
    void stream.ended.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(ended).toBe(false);
    expect(stream.heartbeats()).toBeGreaterThanOrEqual(3);
    const contact = await signInOver(base, demoRoles.contact);
    const opened = await send(base, 'POST', '/api/tickets', contact, (await demoForm(t.db, 'RM')).fields);
    const { number } = await opened.json();
    await stream.next(isTicket(number as number));
    stream.close();
  });

  it('are bounded per person: one more is 429 with Retry-After until one closes', async () => {
    const [a, b] = [await openStream(base, cookie), await openStream(base, cookie)];
    const third = await fetch(`${base}/api/live`, { headers: { cookie } });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    a.close();
    // Once the server has seen the connection go (a moment), the slot is free again.
    let again = await openStream(base, cookie);
    for (let i = 0; again.status === 429 && i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await openStream(base, cookie);
    }
    expect(again.status).toBe(200);
    again.close();
    b.close();
  });

  it('are bounded per process: past the bound, 503 with Retry-After for anyone', async () => {
    const other = await signInOver(base, demoRoles.portalAdmin);
    const held = [await openStream(base, cookie), await openStream(base, cookie), await openStream(base, other)];
    expect(held.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await fetch(`${base}/api/live`, { headers: { cookie: other } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    for (const s of held) s.close();
    // The next test needs a slot: wait until the server has seen these go.
    for (let i = 0; i < 30; i++) {
      const probe = await openStream(base, other);
      probe.close();
      if (probe.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('end once their session does (signing out)', async () => {
    const own = await signInOver(base, demoRoles.contact);
    const stream = await openStream(base, own);
    await stream.next((e) => e.event === 'ready');
    expect((await send(base, 'DELETE', '/api/session', own)).status).toBeLessThan(300);
    await stream.ended;
  });
});
