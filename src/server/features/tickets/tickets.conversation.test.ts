import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, uploadFile, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';
import { createPerson, setPersonPassword } from '../people/people.service';
import { closeUnconfirmedSolutions } from './tickets.lifecycle';

describe('the conversation between agents and customers', () => {
  let t: TestApp;
  let contact: string;
  let agent: string;
  let number: number;
  const secretNote = 'NOTA-INTERNA-nunca-para-o-cliente';

  const get = (cookie: string, path: string) => request(t.app, { method: 'GET', url: path, cookie });
  const post = (cookie: string, path: string, payload: object) => request(t.app, { method: 'POST', url: `/api/tickets/${number}${path}`, cookie, payload });
  const ticket = async (cookie: string) => (await get(cookie, `/api/tickets/${number}`)).json();
  const mailsTo = (to: string) => t.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', to).orderBy('id').execute();

  beforeAll(async () => {
    t = await buildTestApp({ env: { ATTACHMENT_MAX_MB: '0.01', ATTACHMENT_MAX_FILES: '2' } });
    contact = await signIn(t.app, 'contato@alfa.example');
    agent = await signIn(t.app, 'analista@atende.example');
    const form = await demoForm(t.db, 'RM');
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/tickets',
      cookie: contact,
      payload: { ...form.fields, additionalEmails: ['gestor@alfa.example'] },
    });
    number = res.json().number;
  });
  afterAll(() => t.close());

  it('routes a new ticket to the group of its service line, which only its agents see', async () => {
    expect((await ticket(agent)).group.name).toBe('Suporte RM');
    const id = await createPerson(t.db, { name: 'Débora Datasul', email: 'debora@atende.example', staffRole: 'agent' });
    await setPersonPassword(t.db, id, 'atende-demo');
    const datasulGroup = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte DATASUL').executeTakeFirstOrThrow();
    await t.db.insertInto('group_member').values({ group_id: datasulGroup.id, person_id: id }).execute();
    const other = await signIn(t.app, 'debora@atende.example');
    expect((await get(other, `/api/tickets/${number}`)).statusCode).toBe(404);
    expect((await get(other, '/api/tickets')).json().tickets).toEqual([]);
    const admin = await signIn(t.app, 'sistema@atende.example');
    expect((await get(admin, `/api/tickets/${number}`)).statusCode).toBe(200);
  });

  it('lets the agent take the ticket: assigned and in progress', async () => {
    const before = await ticket(agent);
    expect(before.actions.take).toBe(true);
    const res = await post(agent, '/take', { revision: before.revision });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', assignee: { name: 'André Analista' } });
  });

  it('keeps internal notes and their attachments away from customers everywhere', async () => {
    const upload = await uploadFile(t.app, `/api/tickets/${number}/attachments`, agent, { name: 'diagnostico.txt', type: 'text/plain', content: secretNote });
    expect(upload.statusCode).toBe(201);
    const note = await post(agent, '/articles', { body: secretNote, internal: true, attachmentIds: [upload.json().id] });
    expect(note.statusCode).toBe(200);
    const seenByAgent = note.json();
    expect(seenByAgent.articles.at(-1)).toMatchObject({ internal: true, kind: 'note', attachments: [{ fileName: 'diagnostico.txt' }] });

    const seenByContact = await get(contact, `/api/tickets/${number}`);
    expect(seenByContact.body).not.toContain(secretNote);
    expect(seenByContact.body).not.toContain('diagnostico.txt');
    expect((await get(contact, `/api/attachments/${upload.json().id}`)).statusCode).toBe(404);
    expect((await get(agent, `/api/attachments/${upload.json().id}`)).statusCode).toBe(200);
    expect((await get(contact, `/api/tickets?q=${encodeURIComponent(secretNote)}`)).json().tickets).toEqual([]);
    const mails = await t.db.selectFrom('outbox_mail').select(['text', 'html']).execute();
    for (const m of mails) expect(m.text + m.html).not.toContain(secretNote);
  });

  it('mails a public reply that asks the customer to requester and copies, threaded', async () => {
    const res = await post(agent, '/articles', { body: 'Envie o log do cálculo, por favor.', action: 'ask_customer' });
    expect(res.json().status).toBe('waiting_customer');
    for (const to of ['contato@alfa.example', 'gestor@alfa.example']) {
      const mail = (await mailsTo(to)).at(-1)!;
      expect(mail.subject).toBe(`[#${number}] Erro ao calcular a folha de pagamento`);
      expect(mail.text).toContain('Envie o log do cálculo, por favor.');
      expect(mail.text).toContain('Aguardamos a sua resposta');
      const headers = JSON.parse(mail.headers);
      expect(headers['In-Reply-To']).toBe(`<ticket-${number}@localhost>`);
      expect(headers.References).toBe(`<ticket-${number}@localhost>`);
      expect(headers['Message-ID']).toMatch(new RegExp(`^<ticket-${number}-article-\\d+@localhost>$`));
    }
    const contactView = await ticket(contact);
    expect(contactView.articles.map((a: { body: string }) => a.body)).toEqual(['Envie o log do cálculo, por favor.']);
  });

  it('takes the customer\'s answer with a file back to in progress and mails the assignee', async () => {
    const file = await uploadFile(t.app, `/api/tickets/${number}/attachments`, contact, { name: '../../etc/log<1>.html', type: 'text/html', content: '<script>alert(1)</script>' });
    expect(file.statusCode).toBe(201);
    expect(file.json().fileName).toBe('log<1>.html');
    const res = await post(contact, '/articles', { body: 'Segue o log.', attachmentIds: [file.json().id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('in_progress');
    expect((await mailsTo('analista@atende.example')).at(-1)!.text).toContain('Segue o log.');

    const download = await get(agent, `/api/attachments/${file.json().id}`);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="log<1>.html"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toBe('<script>alert(1)</script>');

    const beta = await signIn(t.app, 'admin@beta.example');
    const foreign = await get(beta, `/api/attachments/${file.json().id}`);
    const missing = await get(beta, '/api/attachments/does-not-exist');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect((await get(beta, `/api/tickets/${number}`)).statusCode).toBe(404);
  });

  it('enforces the attachment limits', async () => {
    const big = await uploadFile(t.app, `/api/tickets/${number}/attachments`, contact, { name: 'big.bin', type: 'application/octet-stream', content: Buffer.alloc(20_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('MB');
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await uploadFile(t.app, `/api/tickets/${number}/attachments`, contact, { name: `f${i}.txt`, type: 'text/plain', content: 'x' })).json().id);
    }
    const tooMany = await post(contact, '/articles', { body: 'Três arquivos', attachmentIds: ids });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields.attachmentIds).toBe('Anexe no máximo 2 arquivos por interação.');
  });

  it('refuses agent-only moves from a customer', async () => {
    expect((await post(contact, '/articles', { body: 'nota', internal: true })).json().error.fields).toHaveProperty('internal');
    const current = await ticket(contact);
    const patch = await request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: contact, payload: { revision: current.revision, status: 'on_hold' } });
    expect(patch.statusCode).toBe(403);
  });

  it('answers a stale edit with 409 and what changed, losing nothing', async () => {
    const seen = (await ticket(agent)).revision;
    const first = await request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: agent, payload: { revision: seen, status: 'on_hold' } });
    expect(first.statusCode).toBe(200);
    const second = await request(t.app, {
      method: 'PATCH',
      url: `/api/tickets/${number}`,
      cookie: agent,
      payload: { revision: seen, criticality: 'critical', criticalityReason: 'Folha de pagamento vence hoje' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', revision: seen + 1, changed: [{ field: 'status', from: 'in_progress', to: 'on_hold' }] });
    expect((await ticket(agent)).criticality).toBe('high');
    // The customer sees "on hold" as in progress.
    expect((await ticket(contact)).status).toBe('in_progress');

    const retry = await request(t.app, {
      method: 'PATCH',
      url: `/api/tickets/${number}`,
      cookie: agent,
      payload: { revision: seen + 1, criticality: 'critical', criticalityReason: 'Folha de pagamento vence hoje', status: 'in_progress' },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().criticalityReason).toContain('Folha de pagamento vence hoje');
    expect(retry.json().history.find((e: { kind: string }) => e.kind === 'criticality')).toMatchObject({ from: 'high', to: 'critical', note: 'Folha de pagamento vence hoje' });
    const noReason = await request(t.app, { method: 'PATCH', url: `/api/tickets/${number}`, cookie: agent, payload: { revision: retry.json().revision, criticality: 'low' } });
    expect(noReason.json().error.fields).toHaveProperty('criticalityReason');
  });

  it('goes from a proposed solution through rejection, confirmation, rating and reopening', async () => {
    expect((await post(agent, '/articles', { body: 'Corrigido na 12.1.2410.', action: 'propose_solution' })).json().status).toBe('solution_proposed');
    const rejected = await post(contact, '/reject', { comment: 'Ainda falha no INSS.' });
    expect(rejected.json().status).toBe('in_progress');
    expect((await mailsTo('analista@atende.example')).at(-1)!.text).toContain('Ainda falha no INSS.');
    await post(agent, '/articles', { body: 'Agora sim.', action: 'propose_solution' });
    const confirmed = await post(contact, '/confirm', {});
    expect(confirmed.json()).toMatchObject({ status: 'closed', actions: { rate: true, reopen: true, reply: false } });
    expect((await post(contact, '/rating', { score: 6 })).json().error.fields).toHaveProperty('score');
    const rated = await post(contact, '/rating', { score: 5, comment: 'Ótimo atendimento' });
    expect(rated.json().rating).toEqual({ score: 5, comment: 'Ótimo atendimento' });
    // Rated already: the requester may rate, but not twice.
    expect((await post(contact, '/rating', { score: 1 })).statusCode).toBe(409);
    expect((await post(contact, '/articles', { body: 'Mais uma coisa' })).statusCode).toBe(409);
    const reopened = await post(contact, '/reopen', { comment: 'Voltou a acontecer.' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', rating: null });
  });

  it('records every change in the history; customers see the public part', async () => {
    const full = await ticket(agent);
    const kinds = full.history.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['opened', 'assigned', 'status', 'criticality', 'rated']));
    const publicPart = await ticket(contact);
    expect(publicPart.history.map((e: { kind: string }) => e.kind)).not.toContain('assigned');
    expect(publicPart.history.length).toBeLessThan(full.history.length);
  });

  it('shows agents their views with counts, most critical first', async () => {
    const counts = (await get(agent, '/api/workspace/counts')).json();
    expect(counts).toMatchObject({ mine: 1, open: 1, unassigned: 0 });
    const list = (await get(agent, '/api/tickets?view=mine&sort=criticality')).json();
    expect(list.tickets.map((x: { number: number }) => x.number)).toEqual([number]);
    expect((await get(contact, '/api/workspace/counts')).statusCode).toBe(403);
  });
});

describe('closing unconfirmed solutions', () => {
  it('closes each due ticket once, even with two workers at the same time', async () => {
    const t = await buildTestApp({ env: { AUTO_CLOSE_DAYS: '5' } });
    const contact = await signIn(t.app, 'contato@alfa.example');
    const agent = await signIn(t.app, 'analista@atende.example');
    const form = await demoForm(t.db, 'RM');
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { number } = (await request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form.fields })).json();
      await request(t.app, { method: 'POST', url: `/api/tickets/${number}/articles`, cookie: agent, payload: { body: 'Solução', action: 'propose_solution' } });
      numbers.push(number);
    }
    // Two are past the deadline, one is not.
    await t.db
      .updateTable('ticket')
      .set({ solution_proposed_at: new Date(Date.now() - 6 * 86_400_000).toISOString() })
      .where('number', 'in', numbers.slice(0, 2))
      .execute();
    const [a, b] = await Promise.all([closeUnconfirmedSolutions(t), closeUnconfirmedSolutions(t)]);
    expect(a + b).toBe(2);
    const statuses = await t.db.selectFrom('ticket').select(['number', 'status']).where('number', 'in', numbers).orderBy('number').execute();
    expect(statuses.map((s) => s.status)).toEqual(['closed', 'closed', 'solution_proposed']);
    const closings = await t.db.selectFrom('ticket_event').select('ticket_id').where('kind', '=', 'status').where('to_value', '=', 'closed').execute();
    expect(closings).toHaveLength(2);
    const mails = await t.db.selectFrom('outbox_mail').select('subject').where('text', 'like', '%não foi confirmada em 5 dias%').execute();
    expect(mails).toHaveLength(2);
    await t.close();
  });
});
