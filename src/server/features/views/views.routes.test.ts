import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketView } from '../../../contracts/tickets';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { createPerson, setPersonPassword } from '../people/people.service';

describe('saved views, tags and counts', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const groups: Record<string, number> = {};
  let ticketRm = 0;
  let ticketDatasul = 0;

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    request(t.app, { method, url, cookie: c[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const numbers = async (who: string, query: string) => ((await ok(who, 'GET', `/api/tickets?limit=100&${query}`)).tickets as { number: number }[]).map((x) => x.number).sort();
  const revisionOf = async (number: number) => (await ok('agent', 'GET', `/api/tickets/${number}`)).revision as number;

  beforeAll(async () => {
    t = await buildTestApp();
    for (const g of await t.db.selectFrom('agent_group').select(['id', 'name']).execute()) groups[g.name] = g.id;
    // Rita works in RM's group only; Dora in DATASUL's only.
    for (const [name, email, group] of [['Rita RM', 'rita@atende.example', 'Suporte RM'], ['Dora Datasul', 'dora@atende.example', 'Suporte DATASUL']] as const) {
      const id = await createPerson(t.db, { name, email, staffRole: 'agent' });
      await setPersonPassword(t.db, id, 'atende-demo');
      await t.db.insertInto('group_member').values({ group_id: groups[group]!, person_id: id }).execute();
    }
    c.agent = await signIn(t.app, demoRoles.agent);
    c.admin = await signIn(t.app, demoRoles.admin);
    c.contact = await signIn(t.app, demoRoles.portalAdmin);
    c.beta = await signIn(t.app, 'admin@beta.example');
    c.rita = await signIn(t.app, 'rita@atende.example');
    c.dora = await signIn(t.app, 'dora@atende.example');
    ticketRm = (await ok('contact', 'POST', '/api/tickets', (await demoForm(t.db, 'RM')).fields)).number;
    ticketDatasul = (await ok('beta', 'POST', '/api/tickets', (await demoForm(t.db, 'DATASUL')).fields)).number;
  });
  afterAll(() => t.close());

  it('keeps a personal view to its owner', async () => {
    const view = await ok('rita', 'POST', '/api/views', { name: 'Meus críticos', filters: { assignee: 'me', criticality: ['critical', 'high'], status: ['new', 'in_progress'] }, sort: 'criticality' });
    expect(view).toMatchObject({ share: 'personal', editable: true, owner: { name: 'Rita RM' }, filters: { assignee: 'me', criticality: ['critical', 'high'] }, columns: expect.any(Array) });
    const listed = await ok('rita', 'GET', '/api/views');
    expect(listed.views.map((v: { id: number }) => v.id)).toContain(view.id);
    // The groups one may share with: one's own; every group for the system administrator.
    expect(listed.groups).toEqual([{ id: groups['Suporte RM'], name: 'Suporte RM' }]);
    expect((await ok('admin', 'GET', '/api/views')).groups).toHaveLength(Object.keys(groups).length);
    for (const who of ['dora', 'agent', 'admin']) {
      expect((await ok(who, 'GET', '/api/views')).views.map((v: { id: number }) => v.id)).not.toContain(view.id);
      expect((await call(who, 'PATCH', `/api/views/${view.id}`, { revision: 1, name: 'x' })).statusCode).toBe(404);
      expect((await call(who, 'DELETE', `/api/views/${view.id}?revision=1`)).statusCode).toBe(404);
    }
    const renamed = await ok('rita', 'PATCH', `/api/views/${view.id}`, { revision: view.revision, name: 'Críticos meus', columns: ['number', 'summary', 'tags'] });
    expect(renamed).toMatchObject({ name: 'Críticos meus', revision: view.revision + 1, columns: ['number', 'summary', 'tags'], filters: view.filters });
    // An edit from the revision before is stale, as is a delete.
    const stale = await call('rita', 'PATCH', `/api/views/${view.id}`, { revision: view.revision, name: 'Outro' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('A visão mudou desde que você a abriu. Recarregue e tente de novo.');
    expect((await call('rita', 'DELETE', `/api/views/${view.id}?revision=${view.revision}`)).statusCode).toBe(409);
    await ok('rita', 'DELETE', `/api/views/${view.id}?revision=${renamed.revision}`);
    expect((await call('rita', 'PATCH', `/api/views/${view.id}`, { revision: renamed.revision, name: 'x' })).statusCode).toBe(404);
  });

  it('shares a view with a group its members see and edit, and with all agents only by the system administrator', async () => {
    // Only a member shares with a group; only the system administrator with every agent.
    const notMember = await call('dora', 'POST', '/api/views', { name: 'RM', share: 'group', groupId: groups['Suporte RM'] });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.fields).toEqual({ groupId: 'Escolha um grupo do qual você faz parte.' });
    expect((await call('rita', 'POST', '/api/views', { name: 'RM', share: 'group' })).json().error.fields).toEqual({ groupId: 'Preencha este campo.' });
    const toAll = await call('rita', 'POST', '/api/views', { name: 'Todos', share: 'all' });
    expect(toAll.statusCode).toBe(400);
    expect(toAll.json().error.fields).toEqual({ share: 'Só o administrador do sistema compartilha visões com todos os analistas.' });

    const group = await ok('rita', 'POST', '/api/views', { name: 'Fila RM', share: 'group', groupId: groups['Suporte RM'], filters: { view: 'unassigned' } });
    expect(group).toMatchObject({ share: 'group', group: { id: groups['Suporte RM'], name: 'Suporte RM' } });
    const edited = await ok('agent', 'PATCH', `/api/views/${group.id}`, { revision: group.revision, name: 'Fila do RM' });
    expect(edited.owner.name).toBe('Rita RM');
    expect((await ok('admin', 'GET', '/api/views')).views.find((v: { id: number }) => v.id === group.id)).toMatchObject({ editable: true });
    expect((await ok('dora', 'GET', '/api/views')).views.map((v: { id: number }) => v.id)).not.toContain(group.id);
    expect((await call('dora', 'PATCH', `/api/views/${group.id}`, { revision: edited.revision, name: 'x' })).statusCode).toBe(404);
    // Moving it to a group its editor is not in is refused.
    expect((await call('rita', 'PATCH', `/api/views/${group.id}`, { revision: edited.revision, groupId: groups['Suporte DATASUL'] })).statusCode).toBe(400);

    const all = await ok('admin', 'POST', '/api/views', { name: 'Críticos de todos', share: 'all', filters: { criticality: ['critical'] } });
    for (const who of ['rita', 'dora', 'agent']) {
      expect((await ok(who, 'GET', '/api/views')).views.find((v: { id: number }) => v.id === all.id)).toMatchObject({ editable: false, owner: { name: 'Sílvia Sistema' } });
      expect((await call(who, 'PATCH', `/api/views/${all.id}`, { revision: all.revision, name: 'x' })).statusCode).toBe(403);
      expect((await call(who, 'DELETE', `/api/views/${all.id}?revision=${all.revision}`)).statusCode).toBe(403);
    }
  });

  it('has no views, counts or tags for customers', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/views', undefined],
      ['GET', '/api/views/counts', undefined],
      ['POST', '/api/views', { name: 'x' }],
      ['GET', '/api/tags?prefix=a', undefined],
      ['POST', `/api/tickets/${ticketRm}/tags`, { add: ['vip'], revision: 1 }],
    ] as const) {
      expect((await call('contact', method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    const filtered = await call('contact', 'GET', '/api/tickets?tags=vip&assignee=me&groupId=1');
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().error.fields).toEqual({ tags: 'Só analistas filtram por este campo.', assignee: 'Só analistas filtram por este campo.', groupId: 'Só analistas filtram por este campo.' });
  });

  it('tags a ticket for agents only: conditional, in the internal history, found by the filter and the autocomplete', async () => {
    const outbox = async () => Number((await t.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const mails = await outbox();
    const revision = await revisionOf(ticketRm);
    const tagged = await ok('agent', 'POST', `/api/tickets/${ticketRm}/tags`, { add: ['VIP', 'folha-de-pagamento', 'vip'], revision });
    expect(tagged.tags).toEqual(['folha-de-pagamento', 'vip']);
    expect(tagged.history.at(-1)).toMatchObject({ kind: 'tags', field: 'tags', from: '', to: 'folha-de-pagamento, vip' });
    // A stale revision is a 409, and nothing changes.
    const stale = await call('agent', 'POST', `/api/tickets/${ticketRm}/tags`, { remove: ['vip'], revision });
    expect(stale.statusCode).toBe(409);
    expect((await ok('agent', 'GET', `/api/tickets/${ticketRm}`)).tags).toEqual(['folha-de-pagamento', 'vip']);
    const bad = await call('agent', 'POST', `/api/tickets/${ticketRm}/tags`, { add: ['com espaço'], revision: tagged.revision });
    expect(bad.json().error.fields).toEqual({ 'add.0': 'Use letras, números, -, _ ou . (sem espaços).' });
    expect(await outbox()).toBe(mails);

    // The page is what its schema says, no field more (it is sent past the response serializer).
    expect(ticketView.parse(tagged)).toEqual(tagged);
    expect(ticketView.parse(await ok('agent', 'GET', `/api/tickets/${ticketRm}`))).toEqual(await ok('agent', 'GET', `/api/tickets/${ticketRm}`));
    // The customer's page, history and list show no tag.
    const page = await ok('contact', 'GET', `/api/tickets/${ticketRm}`);
    expect(ticketView.parse(page)).toEqual(page);
    expect(page).not.toHaveProperty('tags');
    expect(JSON.stringify(page)).not.toContain('folha-de-pagamento');
    const list = await ok('contact', 'GET', '/api/tickets');
    expect(JSON.stringify(list)).not.toContain('vip');
    expect(list.tickets[0]).not.toHaveProperty('tags');

    expect(await numbers('agent', 'tags=vip')).toEqual([ticketRm]);
    expect(await numbers('agent', 'tags=vip,folha-de-pagamento')).toEqual([ticketRm]);
    expect(await numbers('agent', 'tags=vip,outra')).toEqual([]);
    expect((await ok('agent', 'GET', '/api/tickets?tags=vip')).tickets[0].tags).toEqual(['folha-de-pagamento', 'vip']);
    expect((await ok('agent', 'GET', '/api/tags?prefix=F')).tags).toEqual(['folha-de-pagamento']);
    expect((await ok('agent', 'GET', '/api/tags')).tags).toEqual(['folha-de-pagamento', 'vip']);
    expect((await ok('agent', 'GET', '/api/tags?prefix=x')).tags).toEqual([]);

    const untagged = await ok('agent', 'POST', `/api/tickets/${ticketRm}/tags`, { remove: ['vip'], revision: tagged.revision });
    expect(untagged.tags).toEqual(['folha-de-pagamento']);
    expect(await numbers('agent', 'tags=vip')).toEqual([]);
  });

  it('keeps tags, filters and counts inside the agent\'s groups', async () => {
    // Dora (DATASUL) neither tags nor lists nor counts RM's ticket: the same 404 as a missing one.
    const foreign = await call('dora', 'POST', `/api/tickets/${ticketRm}/tags`, { add: ['x'], revision: 1 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe((await call('dora', 'POST', '/api/tickets/999999/tags', { add: ['x'], revision: 1 })).body);
    expect(await numbers('dora', `groupId=${groups['Suporte RM']}`)).toEqual([]);
    expect(await numbers('dora', 'tags=folha-de-pagamento')).toEqual([]);
    expect(await numbers('dora', '')).toEqual([ticketDatasul]);
    expect(await numbers('rita', '')).toEqual([ticketRm]);
    const view = await ok('dora', 'POST', '/api/views', { name: 'Folha', filters: { tags: ['folha-de-pagamento'] } });
    const counts = await ok('dora', 'GET', '/api/views/counts');
    expect(counts.builtIn.open).toEqual({ count: 1, capped: false });
    expect(counts.saved.find((s: { id: number }) => s.id === view.id)).toEqual({ id: view.id, count: 0, capped: false });
  });

  it('searches in each sort inside what the reader may read, customers too', async () => {
    for (const sort of ['updated', 'created', 'number', 'criticality']) {
      expect(await numbers('contact', `q=folha&sort=${sort}`), sort).toEqual([ticketRm]);
      expect(await numbers('beta', `q=folha&sort=${sort}`), sort).toEqual([ticketDatasul]);
      expect(await numbers('rita', `q=folha&sort=${sort}`), sort).toEqual([ticketRm]);
      expect(await numbers('agent', `q=folha&sort=${sort}`), sort).toEqual([ticketRm, ticketDatasul].sort());
    }
  });

  it('counts every built-in and saved view the agent sees', async () => {
    const revision = await revisionOf(ticketDatasul);
    await ok('agent', 'PATCH', `/api/tickets/${ticketDatasul}`, { revision, status: 'waiting_customer' });
    const mine = await ok('agent', 'POST', '/api/views', { name: 'Folha', filters: { tags: ['folha-de-pagamento'], status: ['new'] } });
    const counts = await ok('agent', 'GET', '/api/views/counts');
    expect(counts.builtIn).toEqual({
      unassigned: { count: 2, capped: false },
      mine: { count: 0, capped: false },
      open: { count: 2, capped: false },
      waiting: { count: 1, capped: false },
      recently_closed: { count: 0, capped: false },
      // The demo tickets' clocks fall due by the hour of the run (sla.test.ts counts these views).
      due_soon: { count: expect.any(Number), capped: false },
      breached: { count: expect.any(Number), capped: false },
    });
    // Every view the agent sees is counted: their own, their groups', all agents'.
    const seen = (await ok('agent', 'GET', '/api/views')).views.map((v: { id: number }) => v.id).sort();
    expect(counts.saved.map((s: { id: number }) => s.id).sort()).toEqual(seen);
    expect(counts.saved.find((s: { id: number }) => s.id === mine.id)).toEqual({ id: mine.id, count: 1, capped: false });
  });
});
