import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBulkRows } from '../../../contracts/bulk';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { createPerson, setPersonPassword } from '../people/people.service';

describe('bulk actions on a selection of tickets', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const groups: Record<string, number> = {};
  const people: Record<string, string> = {};
  const rm: number[] = [];
  let datasul = 0;

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    request(t.app, { method, url, cookie: c[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const row = (number: number) => t.db.selectFrom('ticket').select(['revision', 'assignee_id', 'group_id', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
  const rows = async (...numbers: number[]) => Promise.all(numbers.map(async (number) => ({ number, revision: (await row(number)).revision })));
  const bulk = (who: string, payload: object) => ok(who, 'POST', '/api/tickets/bulk', payload);

  beforeAll(async () => {
    t = await buildTestApp();
    for (const g of await t.db.selectFrom('agent_group').select(['id', 'name']).execute()) groups[g.name] = g.id;
    // Rita works in RM's group only.
    for (const [name, email, group] of [['Rita RM', 'rita@atende.example', 'Suporte RM'], ['Rui RM', 'rui@atende.example', 'Suporte RM']] as const) {
      const id = await createPerson(t.db, { name, email, staffRole: 'agent' });
      await setPersonPassword(t.db, id, 'atende-demo');
      await t.db.insertInto('group_member').values({ group_id: groups[group]!, person_id: id }).execute();
      people[name] = id;
    }
    c.agent = await signIn(t.app, demoRoles.agent);
    c.contact = await signIn(t.app, demoRoles.portalAdmin);
    c.beta = await signIn(t.app, 'admin@beta.example');
    c.rita = await signIn(t.app, 'rita@atende.example');
    const form = (await demoForm(t.db, 'RM')).fields;
    for (let i = 0; i < 4; i++) rm.push((await ok('contact', 'POST', '/api/tickets', { ...form, summary: `Folha ${i}` })).number);
    datasul = (await ok('beta', 'POST', '/api/tickets', (await demoForm(t.db, 'DATASUL')).fields)).number;
  });
  afterAll(() => t.close());

  it('reports a stale row and applies the rest', async () => {
    const [a, b, c2] = rm as [number, number, number];
    // Rita read the page; then André changed the second ticket.
    const seen = await rows(a, b, c2);
    const before = await row(b);
    await ok('agent', 'PATCH', `/api/tickets/${b}`, { revision: before.revision, status: 'on_hold' });
    const result = await bulk('rita', { action: 'assign', assigneeId: people['Rita RM'], rows: seen });
    expect(result).toMatchObject({ applied: 2, failed: 1 });
    expect(result.results).toEqual([
      { number: a, ok: true },
      { number: b, ok: false, status: 409, code: 'conflict', message: 'O chamado mudou enquanto você editava. Veja o que mudou e tente de novo.' },
      { number: c2, ok: true },
    ]);
    expect((await row(a)).assignee_id).toBe(people['Rita RM']);
    expect((await row(c2)).assignee_id).toBe(people['Rita RM']);
    expect((await row(b)).assignee_id).toBeNull();
    // Each applied row is recorded as a single edit would be, and bumps its revision once.
    expect((await row(a)).revision).toBe(seen[0]!.revision + 1);
    const history = await ok('rita', 'GET', `/api/tickets/${a}`);
    expect(history.history.at(-1)).toMatchObject({ kind: 'assigned', to: 'Rita RM', actor: { name: 'Rita RM' } });
  });

  it('reports a ticket the agent cannot read as not found and never touches it', async () => {
    const before = await row(datasul);
    const result = await bulk('rita', { action: 'tags', add: ['vip'], rows: [...(await rows(rm[3]!)), { number: datasul, revision: before.revision }, { number: 999_999, revision: 1 }] });
    expect(result.results).toEqual([
      { number: rm[3], ok: true },
      { number: datasul, ok: false, status: 404, code: 'not_found', message: 'Não encontrado.' },
      { number: 999_999, ok: false, status: 404, code: 'not_found', message: 'Não encontrado.' },
    ]);
    expect(await row(datasul)).toEqual(before);
    expect(await t.db.selectFrom('ticket_tag').innerJoin('ticket', 'ticket.id', 'ticket_tag.ticket_id').select('ticket.number').execute()).toEqual([{ number: rm[3] }]);
    // The tag list of a row in the list says so for the agent.
    const list = await ok('rita', 'GET', `/api/tickets?limit=100&tags=vip`);
    expect(list.tickets.map((x: { number: number }) => x.number)).toEqual([rm[3]]);
    expect(list.tickets[0].revision).toBe((await row(rm[3]!)).revision);
  });

  it('checks each row as a single edit: the assignee of the group, the note of a transfer, the state of the ticket', async () => {
    const [a, , , d] = rm as [number, number, number, number];
    // Rui is of RM's group; the DATASUL ticket is André's to act on, but Rui is no agent of its group.
    const mixed = await bulk('agent', { action: 'assign', assigneeId: people['Rui RM'], rows: await rows(d, datasul) });
    expect(mixed.results[0]).toEqual({ number: d, ok: true });
    expect(mixed.results[1]).toEqual({ number: datasul, ok: false, status: 400, code: 'validation', message: 'Verifique os campos destacados.', fields: { assigneeId: 'Escolha um analista do grupo do chamado.' } });
    expect((await row(datasul)).assignee_id).toBeNull();

    // A transfer needs its note, as the single edit does (named as the field of the bulk action).
    const noNote = await call('agent', 'POST', '/api/tickets/bulk', { action: 'transfer', groupId: groups['Suporte DATASUL'], rows: await rows(a) });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields).toEqual({ note: 'Preencha este campo.' });

    // A closed ticket takes no status change: 409, the others move.
    await t.db.updateTable('ticket').set({ status: 'closed' }).where('number', '=', d).execute();
    const status = await bulk('agent', { action: 'status', status: 'waiting_customer', rows: await rows(a, d) });
    expect(status.results).toEqual([
      { number: a, ok: true },
      { number: d, ok: false, status: 409, code: 'conflict', message: 'O chamado não está mais na situação em que esta ação cabe. Veja como ele está agora.' },
    ]);
    expect((await row(a)).status).toBe('waiting_customer');
    expect((await row(d)).status).toBe('closed');
    // Asking the customer queued their mail, as the single edit does.
    expect(await t.db.selectFrom('outbox_mail').select('id').where('subject', 'like', `%${a}%`).execute()).not.toHaveLength(0);

    const moved = await bulk('agent', { action: 'transfer', groupId: groups['Suporte DATASUL'], note: 'É da folha do Datasul', rows: await rows(a) });
    expect(moved.results).toEqual([{ number: a, ok: true }]);
    expect(await row(a)).toMatchObject({ group_id: groups['Suporte DATASUL'], assignee_id: null });
    // Rita, of RM only, no longer reads it.
    const gone = await bulk('rita', { action: 'status', status: 'in_progress', rows: await rows(a) });
    expect(gone.results[0]).toMatchObject({ ok: false, status: 404 });
  });

  it('closes with a reason and links to a problem through the single actions, a stale or closed row reported', async () => {
    const form = (await demoForm(t.db, 'RM')).fields;
    const [problem, i1, i2, i3] = await Promise.all(['Problema da folha', 'Incidente 1', 'Incidente 2', 'Incidente 3'].map(async (summary) => (await ok('contact', 'POST', '/api/tickets', { ...form, summary })).number as number));
    // i2 changes after Rita saw it.
    const seen = await rows(i1!, i2!, problem!);
    await ok('agent', 'PATCH', `/api/tickets/${i2}`, { revision: seen[1]!.revision, status: 'on_hold' });
    const linked = await bulk('rita', { action: 'link', problemNumber: problem, rows: seen });
    expect(linked.results).toEqual([
      { number: i1, ok: true },
      { number: i2, ok: false, status: 409, code: 'conflict', message: 'O chamado mudou enquanto você editava. Veja o que mudou e tente de novo.' },
      { number: problem, ok: false, status: 400, code: 'validation', message: 'Verifique os campos destacados.', fields: { problemNumber: expect.any(String) } },
    ]);
    const links = await t.db.selectFrom('ticket_link').innerJoin('ticket', 'ticket.id', 'ticket_link.to_id').select(['ticket.number', 'ticket_link.kind']).execute();
    expect(links).toEqual([{ number: i1, kind: 'incident' }]);
    // A problem Rita cannot read is named as the field, as the single link says.
    const foreign = await bulk('rita', { action: 'link', problemNumber: datasul, rows: await rows(i3!) });
    expect(foreign.results[0]).toMatchObject({ number: i3, ok: false, status: 400, fields: { problemNumber: expect.any(String) } });

    const duplicate = (await t.db.selectFrom('close_reason').select('id').where('key', '=', 'duplicate').executeTakeFirstOrThrow()).id;
    await t.db.updateTable('ticket').set({ status: 'closed' }).where('number', '=', i3!).execute();
    const closed = await bulk('rita', { action: 'close', reasonId: duplicate, message: 'Duplicado do problema.', rows: await rows(i1!, i3!, datasul) });
    expect(closed.results).toEqual([
      { number: i1, ok: true },
      { number: i3, ok: false, status: 409, code: 'conflict', message: 'O chamado não está mais na situação em que esta ação cabe. Veja como ele está agora.' },
      { number: datasul, ok: false, status: 404, code: 'not_found', message: 'Não encontrado.' },
    ]);
    const one = await t.db.selectFrom('ticket').select(['status', 'close_reason_id']).where('number', '=', i1!).executeTakeFirstOrThrow();
    expect(one).toEqual({ status: 'closed', close_reason_id: duplicate });
    expect((await ok('contact', 'GET', `/api/tickets/${i1}`)).articles.at(-1).body).toBe('Duplicado do problema.');
    // A reason that is not on the list is every row's field error; nothing closes.
    const unknown = await bulk('rita', { action: 'close', reasonId: 999_999, rows: await rows(i2!) });
    expect(unknown.results[0]).toMatchObject({ ok: false, status: 400, fields: { reasonId: 'Escolha uma opção da lista.' } });
    expect((await row(i2!)).status).toBe('on_hold');
  });

  it('refuses customers, more rows than a page, repeated rows and unknown actions', async () => {
    const one = await rows(rm[0]!);
    expect((await call('contact', 'POST', '/api/tickets/bulk', { action: 'status', status: 'on_hold', rows: one })).statusCode).toBe(403);
    const tooMany = Array.from({ length: maxBulkRows + 1 }, (_, i) => ({ number: i + 1, revision: 1 }));
    const big = await call('agent', 'POST', '/api/tickets/bulk', { action: 'status', status: 'on_hold', rows: tooMany });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields.rows).toBeDefined();
    expect((await call('agent', 'POST', '/api/tickets/bulk', { action: 'status', status: 'on_hold', rows: [...one, ...one] })).statusCode).toBe(400);
    expect((await call('agent', 'POST', '/api/tickets/bulk', { action: 'delete', rows: one })).statusCode).toBe(400);
    expect((await call('agent', 'POST', '/api/tickets/bulk', { action: 'status', status: 'closed', rows: one })).statusCode).toBe(400);
  });

  it('answers in the agent’s language', async () => {
    await t.db.updateTable('person').set({ language: 'en' }).where('id', '=', people['Rita RM']!).execute();
    const en = await signIn(t.app, 'rita@atende.example');
    const res = await request(t.app, { method: 'POST', url: '/api/tickets/bulk', cookie: en, payload: { action: 'status', status: 'on_hold', rows: [{ number: 999_998, revision: 1 }] } });
    expect(res.json().results[0]).toMatchObject({ ok: false, status: 404, message: 'Not found.' });
  });

  it('refuses a row’s revision beyond any row’s as invalid input naming that row, never an internal error', async () => {
    const [first] = await rows(rm[0]!);
    const res = await call('rita', 'POST', '/api/tickets/bulk', { action: 'tags', add: ['enorme'], rows: [first, { number: rm[1]!, revision: 3_000_000_000 }] });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['rows.1.revision']);
    expect((await row(rm[0]!)).revision).toBe(first!.revision);
  });
});
