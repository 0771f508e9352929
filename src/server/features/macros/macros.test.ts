import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../../test/catalog-ids';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';
import { createPerson, setPersonPassword } from '../people/people.service';

describe('macros', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const groups: Record<string, number> = {};
  let rm = 0;
  let datasul = 0;

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (who: string, method: Method, url: string, payload?: unknown) =>
    request(t.app, { method, url, cookie: c[who], ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const ids = async (who: string) => ((await ok(who, 'GET', '/api/macros')).macros as { id: number }[]).map((m) => m.id);
  const revisionOf = async (number: number) => (await t.db.selectFrom('ticket').select('revision').where('number', '=', number).executeTakeFirstOrThrow()).revision;

  beforeAll(async () => {
    t = await buildTestApp();
    for (const g of await t.db.selectFrom('agent_group').select(['id', 'name']).execute()) groups[g.name] = g.id;
    for (const [name, email, group] of [
      ['Rita Ramos', 'rita@atende.example', 'Suporte RM'],
      ['Rui RM', 'rui@atende.example', 'Suporte RM'],
      ['Dora Datasul', 'dora@atende.example', 'Suporte DATASUL'],
    ] as const) {
      const id = await createPerson(t.db, { name, email, staffRole: 'agent' });
      await setPersonPassword(t.db, id, 'atende-demo');
      await t.db.insertInto('group_member').values({ group_id: groups[group]!, person_id: id }).execute();
    }
    c.agent = await signIn(t.app, demoRoles.agent);
    c.admin = await signIn(t.app, demoRoles.admin);
    c.contact = await signIn(t.app, demoRoles.portalAdmin);
    c.beta = await signIn(t.app, 'admin@beta.example');
    for (const who of ['rita', 'rui', 'dora']) c[who] = await signIn(t.app, `${who}@atende.example`);
    rm = (await ok('contact', 'POST', '/api/tickets', { ...(await demoForm(t.db, 'RM')).fields, summary: 'Folha de novembro' })).number;
    datasul = (await ok('beta', 'POST', '/api/tickets', (await demoForm(t.db, 'DATASUL')).fields)).number;
  });
  afterAll(() => t.close());

  it('keeps a personal macro to its owner', async () => {
    const macro = await ok('rita', 'POST', '/api/macros', { name: 'Saudação', body: 'Olá, {{requester.firstName}}!' });
    expect(macro).toMatchObject({ share: 'personal', group: null, owner: { name: 'Rita Ramos' }, usageCount: 0, editable: true, actions: { status: null, tags: [], group: null } });
    expect(await ids('rita')).toContain(macro.id);
    for (const who of ['rui', 'dora', 'agent', 'admin']) {
      expect(await ids(who)).not.toContain(macro.id);
      expect((await call(who, 'GET', `/api/tickets/${rm}/macros/${macro.id}`)).statusCode).toBe(404);
      expect((await call(who, 'POST', `/api/tickets/${rm}/macros/${macro.id}/apply`, { revision: 1 })).statusCode).toBe(404);
      expect((await call(who, 'PATCH', `/api/macros/${macro.id}`, { revision: 1, name: 'x' })).statusCode).toBe(404);
      expect((await call(who, 'DELETE', `/api/macros/${macro.id}?revision=1`)).statusCode).toBe(404);
    }
    const renamed = await ok('rita', 'PATCH', `/api/macros/${macro.id}`, { revision: macro.revision, name: 'Saudação curta' });
    expect(renamed).toMatchObject({ name: 'Saudação curta', revision: macro.revision + 1, body: macro.body });
    expect((await call('rita', 'PATCH', `/api/macros/${macro.id}`, { revision: macro.revision, name: 'Outra' })).statusCode).toBe(409);
    await ok('rita', 'DELETE', `/api/macros/${macro.id}?revision=${renamed.revision}`);
    expect(await ids('rita')).not.toContain(macro.id);
  });

  it('shares a macro with a group, only to that group’s agents, and with all agents only by the system administrator', async () => {
    const notMember = await call('rita', 'POST', '/api/macros', { name: 'Datasul', body: 'x', share: 'group', groupId: groups['Suporte DATASUL'] });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.fields).toEqual({ groupId: 'Escolha um grupo do qual você faz parte.' });
    const toAll = await call('rita', 'POST', '/api/macros', { name: 'Todos', body: 'x', share: 'all' });
    expect(toAll.json().error.fields).toEqual({ share: 'Só o administrador do sistema compartilha macros com todos os analistas.' });

    const group = await ok('rita', 'POST', '/api/macros', { name: 'Fila RM', body: 'Equipe {{group.name}}', share: 'group', groupId: groups['Suporte RM'] });
    expect(group).toMatchObject({ share: 'group', group: { id: groups['Suporte RM'], name: 'Suporte RM' } });
    for (const who of ['rita', 'rui', 'agent', 'admin']) expect(await ids(who)).toContain(group.id);
    expect(await ids('dora')).not.toContain(group.id);
    expect((await call('dora', 'GET', `/api/tickets/${datasul}/macros/${group.id}`)).statusCode).toBe(404);
    // A colleague of the group applies it, but only its owner and the administrator change it.
    expect((await ok('rui', 'GET', '/api/macros')).macros.find((m: { id: number }) => m.id === group.id).editable).toBe(false);
    expect((await call('rui', 'PATCH', `/api/macros/${group.id}`, { revision: group.revision, name: 'Minha' })).statusCode).toBe(403);
    await ok('admin', 'PATCH', `/api/macros/${group.id}`, { revision: group.revision, name: 'Fila do RM' });

    const all = await ok('admin', 'POST', '/api/macros', { name: 'Encerramento', body: 'Obrigado, {{requester.firstName}}.', share: 'all' });
    for (const who of ['rita', 'rui', 'dora', 'agent']) expect(await ids(who)).toContain(all.id);
    expect((await call('rita', 'PATCH', `/api/macros/${all.id}`, { revision: all.revision, name: 'Minha' })).statusCode).toBe(403);
    expect((await call('rita', 'DELETE', `/api/macros/${all.id}?revision=${all.revision}`)).statusCode).toBe(403);
  });

  it('refuses an unknown variable at save time, naming it, and a macro that does nothing', async () => {
    const one = await call('rita', 'POST', '/api/macros', { name: 'Erro', body: 'Chamado {{ticket.nmber}} de {{requester.firstName}}' });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.fields).toEqual({ body: 'Variável desconhecida: {{ticket.nmber}}. Use uma das variáveis da lista.' });
    const two = await call('rita', 'POST', '/api/macros', { name: 'Erro', body: '{{a}} {{ b.c }} {{a}}' });
    expect(two.json().error.fields).toEqual({ body: 'Variáveis desconhecidas: {{a}}, {{b.c}}. Use as variáveis da lista.' });
    const macro = await ok('rita', 'POST', '/api/macros', { name: 'Ok', body: 'Oi' });
    expect((await call('rita', 'PATCH', `/api/macros/${macro.id}`, { revision: macro.revision, body: 'Oi {{agent.nome}}' })).json().error.fields).toEqual({
      body: 'Variável desconhecida: {{agent.nome}}. Use uma das variáveis da lista.',
    });
    expect((await call('rita', 'POST', '/api/macros', { name: 'Nada', body: '  ' })).json().error.fields).toEqual({ body: 'Escreva uma resposta ou escolha ao menos uma ação.' });
    expect((await call('rita', 'POST', '/api/macros', { name: 'Grupo', actions: { groupId: 999_999 } })).json().error.fields).toEqual({ 'actions.groupId': 'Escolha uma opção da lista.' });
  });

  it('gives customers nothing', async () => {
    const macro = await ok('admin', 'POST', '/api/macros', { name: 'Para todos', body: 'Oi', share: 'all' });
    expect((await call('contact', 'GET', '/api/macros')).statusCode).toBe(403);
    expect((await call('contact', 'POST', '/api/macros', { name: 'x', body: 'x' })).statusCode).toBe(403);
    expect((await call('contact', 'PATCH', `/api/macros/${macro.id}`, { revision: 1, name: 'x' })).statusCode).toBe(403);
    expect((await call('contact', 'GET', `/api/tickets/${rm}/macros/${macro.id}`)).statusCode).toBe(403);
    expect((await call('contact', 'POST', `/api/tickets/${rm}/macros/${macro.id}/apply`, { revision: await revisionOf(rm) })).statusCode).toBe(403);
    expect((await call('contact', 'GET', `/api/tickets/${rm}`)).json()).not.toHaveProperty('tags');
  });

  it('renders the variables for a ticket the agent reads, and nothing of one they do not', async () => {
    const macro = await ok('admin', 'POST', '/api/macros', {
      name: 'Resposta',
      body: 'Olá, {{requester.firstName}} ({{ requester.name }}) da {{company.name}}: o chamado #{{ticket.number}} “{{ticket.summary}}” está com {{group.name}}. {{agent.firstName}} / {{agent.name}}',
      share: 'all',
    });
    const requester = await t.db.selectFrom('person').select('name').where('email', '=', demoRoles.portalAdmin).executeTakeFirstOrThrow();
    const rendered = await ok('rita', 'GET', `/api/tickets/${rm}/macros/${macro.id}`);
    expect(rendered).toEqual({
      id: macro.id,
      name: 'Resposta',
      body: `Olá, ${requester.name.split(' ')[0]} (${requester.name}) da Alfa Indústria Ltda: o chamado #${rm} “Folha de novembro” está com Suporte RM. Rita / Rita Ramos`,
      actions: { status: null, tags: [], group: null },
    });
    expect((await call('rita', 'GET', `/api/tickets/${datasul}/macros/${macro.id}`)).statusCode).toBe(404);
    expect((await call('rita', 'POST', `/api/tickets/${datasul}/macros/${macro.id}/apply`, { revision: await revisionOf(datasul) })).statusCode).toBe(404);
  });

  it('applies its actions as single edits from the revision seen, and counts each use for the picker’s order', async () => {
    const tagger = await ok('rita', 'POST', '/api/macros', { name: 'Aguardar', body: 'Pode nos enviar o log?', actions: { status: 'waiting_customer', tags: ['log', 'folha'] } });
    const plain = await ok('rita', 'POST', '/api/macros', { name: 'Aaa simples', body: 'Oi' });
    // Rita saw the ticket; then André took it.
    const seen = await revisionOf(rm);
    await ok('agent', 'POST', `/api/tickets/${rm}/take`, { revision: seen });
    const stale = await call('rita', 'POST', `/api/tickets/${rm}/macros/${tagger.id}/apply`, { revision: seen });
    expect(stale.statusCode).toBe(409);
    expect(await t.db.selectFrom('ticket_tag').select('tag_id').execute()).toEqual([]);
    expect((await ok('rita', 'GET', '/api/macros')).macros.find((m: { id: number }) => m.id === tagger.id).usageCount).toBe(0);
    const applied = await ok('rita', 'POST', `/api/tickets/${rm}/macros/${tagger.id}/apply`, { revision: await revisionOf(rm) });
    expect(applied.ticket).toMatchObject({ number: rm, status: 'waiting_customer', tags: ['folha', 'log'] });
    // Tags and status were two edits, each recorded as an agent's own would be.
    expect(applied.ticket.history.slice(-2).map((e: { kind: string }) => e.kind)).toEqual(['tags', 'status']);
    await ok('rita', 'POST', `/api/tickets/${rm}/macros/${plain.id}/apply`, { revision: await revisionOf(rm) });
    await ok('rita', 'POST', `/api/tickets/${rm}/macros/${tagger.id}/apply`, { revision: await revisionOf(rm) });
    const listed = (await ok('rita', 'GET', '/api/macros')).macros as { id: number; usageCount: number }[];
    expect(listed.find((m) => m.id === tagger.id)!.usageCount).toBe(2);
    expect(listed.find((m) => m.id === plain.id)!.usageCount).toBe(1);
    // The most used first, then by name.
    expect(listed.findIndex((m) => m.id === tagger.id)).toBeLessThan(listed.findIndex((m) => m.id === plain.id));
    expect(listed[0]!.id).toBe(tagger.id);

    // A transfer takes the ticket to another group; after it Rita no longer reads it.
    const transfer = await ok('rita', 'POST', '/api/macros', { name: 'Para o Datasul', actions: { groupId: groups['Suporte DATASUL'] } });
    const moved = await ok('rita', 'POST', `/api/tickets/${rm}/macros/${transfer.id}/apply`, { revision: await revisionOf(rm) });
    expect(moved).toEqual({ ticket: null });
    const row = await t.db.selectFrom('ticket').select(['group_id']).where('number', '=', rm).executeTakeFirstOrThrow();
    expect(row.group_id).toBe(groups['Suporte DATASUL']);
    const note = await t.db.selectFrom('ticket_event').innerJoin('ticket', 'ticket.id', 'ticket_event.ticket_id').select('note').where('ticket.number', '=', rm).where('kind', '=', 'transferred').executeTakeFirstOrThrow();
    expect(note.note).toBe('Transferido pela macro “Para o Datasul”.');
  });

  it('applies all of its actions or none: refused on a closed ticket, its tags are not written and its use not counted', async () => {
    const number = (await ok('contact', 'POST', '/api/tickets', { ...(await demoForm(t.db, 'RM')).fields, summary: 'Já resolvido' })).number;
    const reason = await t.db.selectFrom('close_reason').select('id').where('key', '=', 'no_response').executeTakeFirstOrThrow();
    await ok('rita', 'POST', `/api/tickets/${number}/close`, { revision: await revisionOf(number), reasonId: reason.id });
    const macro = await ok('rita', 'POST', '/api/macros', { name: 'Aguardar log', body: 'x', actions: { status: 'waiting_customer', tags: ['aguardando-log'] } });
    const state = async () => {
      const ticket = await t.db.selectFrom('ticket').select(['id', 'revision', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
      const tags = await t.db.selectFrom('ticket_tag').select('tag_id').where('ticket_id', '=', ticket.id).execute();
      const events = await t.db.selectFrom('ticket_event').select('id').where('ticket_id', '=', ticket.id).execute();
      const macroRow = await t.db.selectFrom('macro').select('usage_count').where('id', '=', macro.id).executeTakeFirstOrThrow();
      return { revision: ticket.revision, status: ticket.status, tags: tags.length, events: events.length, uses: Number(macroRow.usage_count) };
    };
    const before = await state();
    expect(before).toMatchObject({ status: 'closed', tags: 0, uses: 0 });
    const res = await call('rita', 'POST', `/api/tickets/${number}/macros/${macro.id}/apply`, { revision: before.revision });
    expect(res.statusCode, res.body).toBe(409);
    expect(await state()).toEqual(before);
    expect(await t.db.selectFrom('tag').select('id').where('name', '=', 'aguardando-log').execute()).toEqual([]);
  });
});
