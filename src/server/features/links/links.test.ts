import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketView } from '../../../contracts/tickets';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, uploadFile, type TestApp } from '../../test/harness';
import { createPerson, setPersonPassword } from '../people/people.service';

describe('merging and linking tickets', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => request(t.app, { method, url, cookie: c[who], ...(payload ? { payload } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(method === 'POST' && url === '/api/tickets' ? 201 : 200);
    return res.json();
  };
  const open = async (who = 'contact', line = 'RM', extra: object = {}) => (await ok(who, 'POST', '/api/tickets', { ...(await demoForm(t.db, line)).fields, ...extra })).number as number;
  const get = (who: string, number: number) => ok(who, 'GET', `/api/tickets/${number}`);
  const idOf = async (number: number) => (await t.db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const holdings = async (number: number) => {
    const id = await idOf(number);
    const count = async (table: 'ticket_article' | 'attachment' | 'ticket_copy') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', id).executeTakeFirstOrThrow()).n);
    return { articles: await count('ticket_article'), attachments: await count('attachment'), copies: await count('ticket_copy') };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const rm = await t.db.selectFrom('agent_group').select('id').where('name', '=', 'Suporte RM').executeTakeFirstOrThrow();
    const rita = await createPerson(t.db, { name: 'Rita RM', email: 'rita@atende.example', staffRole: 'agent' });
    await setPersonPassword(t.db, rita, 'atende-demo');
    await t.db.insertInto('group_member').values({ group_id: rm.id, person_id: rita }).execute();
    for (const [who, email] of [['agent', demoRoles.agent], ['admin', demoRoles.admin], ['contact', demoRoles.contact], ['portalAdmin', demoRoles.portalAdmin], ['beta', 'admin@beta.example'], ['rita', 'rita@atende.example']] as const) {
      c[who] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  it('merges a duplicate: its conversation, attachments and copies move once, it closes pointing to the target, and its customer sees the reference', async () => {
    const target = await open('portalAdmin', 'RM', { additionalEmails: ['financeiro@alfa.example'] });
    const duplicate = await open('contact', 'RM', { additionalEmails: ['financeiro@alfa.example', 'ti@alfa.example'] });
    const file = await uploadFile(t.app, `/api/tickets/${duplicate}/attachments`, c.contact!, { name: 'erro.txt', type: 'text/plain', content: 'INSS 500' });
    expect(file.statusCode, file.body).toBe(201);
    await ok('contact', 'POST', `/api/tickets/${duplicate}/articles`, { body: 'Segue o log.', attachmentIds: [file.json().id] });
    await ok('agent', 'POST', `/api/tickets/${duplicate}/articles`, { body: 'Nota: mesmo caso do outro.', internal: true });
    const before = { source: await holdings(duplicate), target: await holdings(target) };
    const { revision, actions } = await get('agent', duplicate);
    expect(actions.merge).toBe(true);

    const merged = await ok('agent', 'POST', `/api/tickets/${duplicate}/merge`, { revision, targetNumber: target });
    expect(ticketView.parse(merged)).toMatchObject({ status: 'closed', mergedInto: { number: target }, closeReason: { name: 'Duplicado' } });

    // Everything of the duplicate is now the target's, once, and nothing is left behind.
    expect(await holdings(duplicate)).toEqual({ articles: 0, attachments: 0, copies: 0 });
    const after = await holdings(target);
    // The duplicate's opening text comes as one more message.
    expect(after.articles).toBe(before.target.articles + before.source.articles + 1);
    expect(after.attachments).toBe(before.target.attachments + before.source.attachments);
    const copies = await t.db.selectFrom('ticket_copy').select('email').where('ticket_id', '=', await idOf(target)).orderBy('email').execute();
    // The duplicate's requester becomes a copy, and an address on both is there once.
    expect(copies.map((x) => x.email)).toEqual([demoRoles.contact, 'financeiro@alfa.example', 'ti@alfa.example']);
    const orphans = await t.db.selectFrom('ticket_article').leftJoin('ticket', 'ticket.id', 'ticket_article.ticket_id').select('ticket_article.id').where('ticket.id', 'is', null).execute();
    expect(orphans).toEqual([]);

    // The contact who opened the duplicate sees where it went, and follows the target as a copy.
    const seen = await get('contact', duplicate);
    expect(seen.mergedInto).toEqual({ number: target });
    expect(seen.actions.reopen).toBe(false);
    expect(seen.history.map((e: { kind: string; to: string }) => [e.kind, e.to])).toContainEqual(['links.merged_into', `#${target}`]);
    const onTarget = await get('contact', target);
    expect(onTarget.articles.map((a: { body: string }) => a.body)).toEqual(expect.arrayContaining(['Segue o log.', expect.stringContaining(`#${duplicate} — `)]));
    // The internal note moved too, and stays internal.
    expect(onTarget.articles.map((a: { body: string }) => a.body)).not.toContain('Nota: mesmo caso do outro.');
    expect((await get('agent', target)).articles.map((a: { body: string }) => a.body)).toContain('Nota: mesmo caso do outro.');
    expect((await call('contact', 'GET', `/api/attachments/${file.json().id}`)).statusCode).toBe(200);
    const mails = await t.db.selectFrom('outbox_mail').select('to_address').where('subject', 'like', `[#${duplicate}]%`).where('text', 'like', `%mesclado no chamado #${target}%`).orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual([demoRoles.contact, 'financeiro@alfa.example', 'ti@alfa.example']);

    // Merged once: again is refused, and moves nothing more.
    const again = await call('agent', 'POST', `/api/tickets/${duplicate}/merge`, { revision: merged.revision, targetNumber: target });
    expect(again.statusCode).toBe(409);
    expect(await holdings(target)).toEqual(after);
  });

  it('lets one of two merges of the same ticket at the same moment win', async () => {
    const [a, b, duplicate] = [await open(), await open(), await open()];
    await ok('contact', 'POST', `/api/tickets/${duplicate}/articles`, { body: 'Mais detalhes.' });
    const { revision } = await get('agent', duplicate);
    const both = await Promise.all([
      call('agent', 'POST', `/api/tickets/${duplicate}/merge`, { revision, targetNumber: a }),
      call('admin', 'POST', `/api/tickets/${duplicate}/merge`, { revision, targetNumber: b }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const counts = [(await holdings(a)).articles, (await holdings(b)).articles].sort();
    // One target got the duplicate's reply and opening; the other nothing.
    expect(counts).toEqual([0, 2]);
    expect(await holdings(duplicate)).toEqual({ articles: 0, attachments: 0, copies: 0 });
  });

  it('refuses to merge across companies, into itself or into a closed ticket, naming the field, and moves nothing', async () => {
    const alfa = await open();
    const beta = await open('beta', 'DATASUL');
    await ok('contact', 'POST', `/api/tickets/${alfa}/articles`, { body: 'Detalhe.' });
    const { revision } = await get('agent', alfa);
    const across = await call('agent', 'POST', `/api/tickets/${alfa}/merge`, { revision, targetNumber: beta });
    expect(across.statusCode).toBe(400);
    expect(across.json().error.fields).toEqual({ targetNumber: 'Só se mescla chamados da mesma empresa.' });
    expect((await call('agent', 'POST', `/api/tickets/${alfa}/merge`, { revision, targetNumber: alfa })).json().error.fields).toHaveProperty('targetNumber');
    expect((await call('agent', 'POST', `/api/tickets/${alfa}/merge`, { revision, targetNumber: 99_999_999 })).json().error.fields).toHaveProperty('targetNumber');
    expect((await holdings(alfa)).articles).toBe(1);
    expect((await holdings(beta)).articles).toBe(0);
    expect((await get('agent', alfa)).status).not.toBe('closed');
    // Customers never merge; another company's contact gets the same 404 as for no ticket.
    expect((await call('contact', 'POST', `/api/tickets/${alfa}/merge`, { revision, targetNumber: await open() })).statusCode).toBe(403);
    expect((await call('beta', 'POST', `/api/tickets/${alfa}/merge`, { revision, targetNumber: beta })).statusCode).toBe(404);
  });

  it('links related tickets both ways and unlinks them', async () => {
    const [a, b] = [await open(), await open()];
    const { revision } = await get('agent', a);
    const links = await ok('agent', 'POST', `/api/tickets/${a}/links`, { revision, number: b });
    expect(links.related.map((l: { number: number }) => l.number)).toEqual([b]);
    expect((await ok('agent', 'GET', `/api/tickets/${b}/links`)).related.map((l: { number: number }) => l.number)).toEqual([a]);
    expect((await get('agent', b)).history.map((e: { kind: string; to: string }) => [e.kind, e.to])).toContainEqual(['links.linked', `#${a}`]);
    // A stale revision is refused.
    expect((await call('agent', 'POST', `/api/tickets/${a}/links`, { revision, number: await open() })).statusCode).toBe(409);
    expect((await ok('agent', 'DELETE', `/api/tickets/${a}/links/${b}`)).related).toEqual([]);
    expect((await ok('agent', 'GET', `/api/tickets/${b}/links`)).related).toEqual([]);
    expect((await call('agent', 'DELETE', `/api/tickets/${a}/links/${b}`)).statusCode).toBe(404);
  });

  it('links incidents to a problem in bulk, saying which failed and why, and replies to all of them at once', async () => {
    const problem = await open();
    const incidents = [await open(), await open('portalAdmin'), await open()];
    const closed = await open();
    const { revision } = await get('agent', closed);
    await ok('agent', 'POST', `/api/tickets/${closed}/close`, { revision, reasonId: (await t.db.selectFrom('close_reason').select('id').where('key', '=', 'duplicate').executeTakeFirstOrThrow()).id });
    const beta = await open('beta', 'DATASUL');

    const bulk = await ok('agent', 'POST', `/api/tickets/${problem}/incidents`, { numbers: [...incidents, closed, beta, problem, 99_999_999] });
    const outcome = Object.fromEntries(bulk.results.map((r: { number: number; ok: boolean; error?: { message: string } }) => [r.number, r.ok || r.error!.message]));
    expect(outcome).toEqual({
      [incidents[0]!]: true,
      [incidents[1]!]: true,
      [incidents[2]!]: true,
      [closed]: true,
      // The agent reads both companies: a link across them is theirs to make (and shows nothing to the customers).
      [beta]: true,
      [problem]: 'Escolha outro chamado que não este.',
      99999999: 'Não encontrado.',
    });
    const links = await ok('agent', 'GET', `/api/tickets/${problem}/links`);
    expect(links.incidents.map((l: { number: number }) => l.number)).toEqual([...incidents, closed, beta]);
    expect((await ok('agent', 'GET', `/api/tickets/${incidents[0]}/links`)).problem.number).toBe(problem);
    // Linking again changes nothing; an incident of one problem is not another's.
    expect((await ok('agent', 'POST', `/api/tickets/${problem}/incidents`, { numbers: [incidents[0]] })).results).toEqual([{ number: incidents[0], ok: true }]);
    const other = await open();
    expect((await ok('agent', 'POST', `/api/tickets/${other}/incidents`, { numbers: [incidents[0]] })).results[0]).toMatchObject({ ok: false, error: { message: 'Este chamado já é incidente de outro problema.' } });
    expect((await call('agent', 'POST', `/api/tickets/${problem}/incidents`, { numbers: [] })).json().error.fields).toHaveProperty('numbers');

    const mailsBefore = Number((await t.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const reply = await ok('agent', 'POST', `/api/tickets/${problem}/incidents/reply`, { body: 'Corrigimos o cálculo do INSS na versão 12.1.2411.' });
    const sent = Object.fromEntries(reply.results.map((r: { number: number; ok: boolean }) => [r.number, r.ok]));
    expect(sent).toEqual({ [problem]: true, [incidents[0]!]: true, [incidents[1]!]: true, [incidents[2]!]: true, [closed]: false, [beta]: true });
    for (const number of [problem, ...incidents]) {
      expect((await get('contact', number).catch(async () => get('portalAdmin', number))).articles.at(-1).body).toBe('Corrigimos o cálculo do INSS na versão 12.1.2411.');
    }
    const mails = await t.db.selectFrom('outbox_mail').select('subject').where('id', '>', mailsBefore).where('text', 'like', '%12.1.2411%').execute();
    expect(new Set(mails.map((m) => m.subject.match(/^\[#(\d+)\]/)![1])).size).toBe(5);
  });

  it('links one incident to two problems at the same moment: one wins, the other is told it has a problem, never a 500', async () => {
    const [incident, first, second] = [await open(), await open(), await open()];
    const { revision } = await get('agent', incident);
    const both = await Promise.all(
      [first, second].map((problem) => call(problem === first ? 'agent' : 'rita', 'POST', `/api/tickets/${incident}/links`, { revision, number: problem, kind: 'problem' })),
    );
    expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([200, 400]);
    expect(both.find((r) => r.statusCode === 400)!.json().error.fields).toEqual({ problemNumber: 'Este chamado já é incidente de outro problema.' });
    const links = await t.db.selectFrom('ticket_link').select('from_id').where('kind', '=', 'incident').where('to_id', '=', await idOf(incident)).execute();
    expect(links).toHaveLength(1);
  });

  it('moves a merged ticket’s links to the target, so none is stranded: its incidents and related tickets follow it', async () => {
    const [problem, incident, target, related] = [await open(), await open(), await open(), await open()];
    await ok('agent', 'POST', `/api/tickets/${incident}/links`, { revision: (await get('agent', incident)).revision, number: problem, kind: 'problem' });
    await ok('agent', 'POST', `/api/tickets/${problem}/links`, { revision: (await get('agent', problem)).revision, number: related });
    await ok('agent', 'POST', `/api/tickets/${problem}/links`, { revision: (await get('agent', problem)).revision, number: target });
    await ok('agent', 'POST', `/api/tickets/${problem}/merge`, { revision: (await get('agent', problem)).revision, targetNumber: target });

    const numbers = (list: { number: number }[]) => list.map((l) => l.number);
    const onTarget = await ok('agent', 'GET', `/api/tickets/${target}/links`);
    // The link between the two is dropped; the rest is the target's.
    expect({ related: numbers(onTarget.related), incidents: numbers(onTarget.incidents), problem: onTarget.problem }).toEqual({ related: [related], incidents: [incident], problem: null });
    expect((await ok('agent', 'GET', `/api/tickets/${incident}/links`)).problem.number).toBe(target);
    expect(numbers((await ok('agent', 'GET', `/api/tickets/${related}/links`)).related)).toEqual([target]);
    const merged = await idOf(problem);
    expect(await t.db.selectFrom('ticket_link').select('id').where((eb) => eb.or([eb('from_id', '=', merged), eb('to_id', '=', merged)])).execute()).toEqual([]);
    // The incident is linked (again, a no-op) and unlinked through the target, no longer refused for the merged ticket.
    await ok('agent', 'POST', `/api/tickets/${incident}/links`, { revision: (await get('agent', incident)).revision, number: target, kind: 'problem' });
    expect((await ok('agent', 'DELETE', `/api/tickets/${incident}/links/${target}`)).problem).toBeNull();
  });

  it('shows no link to a ticket the reader cannot read: another group’s agent, and customers, see nothing of the other company', async () => {
    const alfa = await open();
    const beta = await open('beta', 'DATASUL');
    const { revision } = await get('agent', alfa);
    await ok('agent', 'POST', `/api/tickets/${alfa}/links`, { revision, number: beta });

    // Rita works RM only: she reads Alfa's RM ticket, not Beta's DATASUL one, nor any link to it.
    expect((await ok('rita', 'GET', `/api/tickets/${alfa}/links`)).related).toEqual([]);
    const ritaLink = await call('rita', 'POST', `/api/tickets/${alfa}/links`, { revision: (await get('rita', alfa)).revision, number: beta });
    expect(ritaLink.statusCode).toBe(400);
    expect(ritaLink.json().error.fields).toEqual({ number: 'Nenhum chamado com este número que você possa ver.' });

    // Customers: no links at all, and the ticket page names nothing of the other company.
    for (const [who, own, foreign] of [['portalAdmin', alfa, beta], ['beta', beta, alfa]] as const) {
      expect((await call(who, 'GET', `/api/tickets/${own}/links`)).statusCode).toBe(403);
      const page = await call(who, 'GET', `/api/tickets/${own}`);
      expect(page.body).not.toContain(`#${foreign}`);
      expect(page.body).not.toContain(who === 'beta' ? 'Alfa' : 'Beta');
      expect((await call(who, 'GET', `/api/tickets/${foreign}/links`)).statusCode).toBe(404);
    }
  });
});
