import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';
import { createPerson, setPersonPassword } from '../people/people.service';

/** The status codes of answers, sorted, e.g. [200, 409, 409]. */
const statuses = (answers: LightMyRequestResponse[]) => answers.map((a) => a.statusCode).sort();

describe('two people changing one ticket at the same moment', () => {
  let t: TestApp;
  let contact: string;
  let portalAdmin: string;
  let agent: string;
  let otherAgent: string;

  const post = (cookie: string, number: number, path: string, payload: object = {}) =>
    request(t.app, { method: 'POST', url: `/api/tickets/${number}${path}`, cookie, payload });
  const ticket = async (number: number) => (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent })).json();
  const idOf = async (number: number) => (await t.db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const events = async (number: number, kind: string, to?: string) =>
    (
      await t.db
        .selectFrom('ticket_event')
        .select('id')
        .where('ticket_id', '=', await idOf(number))
        .where('kind', '=', kind)
        .$if(to !== undefined, (q) => q.where('to_value', '=', to!))
        .execute()
    ).length;
  const articles = async (number: number, kind: string) =>
    (await t.db.selectFrom('ticket_article').select('id').where('ticket_id', '=', await idOf(number)).where('kind', '=', kind).execute()).length;
  const mailsAbout = async (number: number, text: string) =>
    (await t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', `[#${number}] %`).where('text', 'like', `%${text}%`).execute()).length;

  const open = async () => {
    const form = await demoForm(t.db, 'RM');
    const res = await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form.fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().number as number;
  };
  const proposed = async () => {
    const number = await open();
    expect((await post(agent, number, '/articles', { body: 'Corrigido na 12.1.2410.', action: 'propose_solution' })).statusCode).toBe(200);
    return number;
  };
  const closed = async () => {
    const number = await proposed();
    expect((await post(contact, number, '/confirm')).statusCode).toBe(200);
    return number;
  };
  /** Every loser is a 409 `conflict` with the ticket's revision now. */
  const expectConflicts = (answers: LightMyRequestResponse[]) => {
    for (const answer of answers.filter((a) => a.statusCode !== 200)) {
      expect(answer.statusCode, answer.body).toBe(409);
      expect(answer.json().error).toMatchObject({ code: 'conflict', revision: expect.any(Number) });
    }
  };

  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, 'contato@alfa.example');
    portalAdmin = await signIn(t.app, 'admin@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
    const id = await createPerson(t.db, { name: 'Bruno Analista', email: 'bruno@atende.example', staffRole: 'agent' });
    await setPersonPassword(t.db, id, 'atende-demo');
    const group = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte RM').executeTakeFirstOrThrow();
    await t.db.insertInto('group_member').values({ group_id: group.id, person_id: id }).execute();
    otherAgent = await signIn(t.app, 'bruno@atende.example');
  });
  afterAll(() => t.close());

  it('ten confirmations of one solution: one closes the ticket and mails once, nine get 409', async () => {
    const number = await proposed();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? portalAdmin : contact, number, '/confirm')));
    expect(statuses(answers)).toEqual([200, ...Array(9).fill(409)]);
    expectConflicts(answers);
    expect(await events(number, 'status', 'closed')).toBe(1);
    expect(await mailsAbout(number, 'foi encerrado')).toBe(1);
    expect((await ticket(number)).status).toBe('closed');
  });

  it('two rejections of one solution: one goes back to the agents with its comment, the other gets 409 and writes nothing', async () => {
    const number = await proposed();
    const answers = await Promise.all([post(contact, number, '/reject', { comment: 'Ainda falha A' }), post(portalAdmin, number, '/reject', { comment: 'Ainda falha B' })]);
    expect(statuses(answers)).toEqual([200, 409]);
    expectConflicts(answers);
    expect(await articles(number, 'rejection')).toBe(1);
    expect(await mailsAbout(number, 'rejeitou a solução')).toBe(1);
    expect(await events(number, 'status', 'in_progress')).toBe(1);
  });

  it('a confirmation and a rejection at once: exactly one of them happens', async () => {
    const number = await proposed();
    const answers = await Promise.all([post(contact, number, '/confirm'), post(portalAdmin, number, '/reject', { comment: 'Não resolveu' })]);
    expect(statuses(answers)).toEqual([200, 409]);
    const confirmed = answers[0]!.statusCode === 200;
    expect((await ticket(number)).status).toBe(confirmed ? 'closed' : 'in_progress');
    expect(await articles(number, 'rejection')).toBe(confirmed ? 0 : 1);
    expect(await mailsAbout(number, 'foi encerrado')).toBe(confirmed ? 1 : 0);
  });

  it('five reopenings of one closed ticket: one reopens it, four get 409', async () => {
    const number = await closed();
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => post(contact, number, '/reopen', { comment: `Voltou ${i}` })));
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409]);
    expectConflicts(answers);
    expect(await articles(number, 'reopening')).toBe(1);
    expect(await mailsAbout(number, 'reabriu o chamado')).toBe(1);
  });

  it('five ratings of one closed ticket: one is kept, four get 409', async () => {
    const number = await closed();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((score) => post(contact, number, '/rating', { score })));
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409]);
    expectConflicts(answers);
    const winner = answers.find((a) => a.statusCode === 200)!.json().rating.score;
    expect((await ticket(number)).rating.score).toBe(winner);
    expect(await events(number, 'rated')).toBe(1);
  });

  it('two agents taking one ticket at once: one has it, the other gets 409 with what changed', async () => {
    const number = await open();
    const { revision } = await ticket(number);
    const answers = await Promise.all([post(agent, number, '/take', { revision }), post(otherAgent, number, '/take', { revision })]);
    expect(statuses(answers)).toEqual([200, 409]);
    expectConflicts(answers);
    const winner = answers.find((a) => a.statusCode === 200)!.json().assignee.name;
    const loser = answers.find((a) => a.statusCode === 409)!.json().error;
    expect(loser.changed).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'assignee', to: winner })]));
    expect((await ticket(number)).assignee.name).toBe(winner);
    expect(await events(number, 'assigned')).toBe(1);
  });

  it('an agent’s reply racing the customer’s confirmation: one of them happens, never a reply on a closed ticket', async () => {
    for (let round = 0; round < 4; round++) {
      const number = await proposed();
      const body = `Ainda precisa de algo? ${round}`;
      const [reply, confirm] = await Promise.all([
        post(agent, number, '/articles', { body, action: 'ask_customer' }),
        post(contact, number, '/confirm'),
      ]);
      expect(statuses([reply, confirm])).toEqual([200, 409]);
      expectConflicts([reply, confirm]);
      const now = await ticket(number);
      const replied = reply.statusCode === 200;
      expect(now.status).toBe(replied ? 'waiting_customer' : 'closed');
      expect(now.articles.some((a: { body: string }) => a.body === body)).toBe(replied);
      expect(await mailsAbout(number, 'foi encerrado')).toBe(replied ? 0 : 1);
    }
  });

  it('two replies at the same moment are both kept', async () => {
    const number = await open();
    const answers = await Promise.all([
      post(agent, number, '/articles', { body: 'Resposta do André' }),
      post(contact, number, '/articles', { body: 'Complemento do cliente' }),
      post(otherAgent, number, '/articles', { body: 'Nota do Bruno', internal: true }),
    ]);
    expect(statuses(answers)).toEqual([200, 200, 200]);
    const bodies = (await ticket(number)).articles.map((a: { body: string }) => a.body);
    expect(bodies).toEqual(expect.arrayContaining(['Resposta do André', 'Complemento do cliente', 'Nota do Bruno']));
  });
});

describe('an action the ticket’s state no longer allows', () => {
  let t: TestApp;
  let contact: string;
  let agent: string;
  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, 'contato@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
  });
  afterAll(() => t.close());

  const post = (cookie: string, number: number, path: string, payload: object = {}) =>
    request(t.app, { method: 'POST', url: `/api/tickets/${number}${path}`, cookie, payload });

  it('is 409 when the actor may do it but not now, 403 when they may never', async () => {
    const form = await demoForm(t.db, 'RM');
    const number = (await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form.fields })).json().number as number;
    // Nothing proposed yet: confirming and rejecting are for later.
    for (const [path, payload] of [['/confirm', {}], ['/reject', { comment: 'Não' }], ['/reopen', { comment: 'De novo' }], ['/rating', { score: 5 }]] as const) {
      const res = await post(contact, number, path, payload);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    // Customer actions are never an agent's.
    expect((await post(agent, number, '/confirm')).statusCode).toBe(403);
    const { revision } = (await request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: agent })).json();
    expect((await post(agent, number, '/take', { revision })).statusCode).toBe(200);
    // Taken already by this agent.
    const taken = await post(agent, number, '/take', { revision: revision + 1 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict', message: expect.any(String) });
  });
});
