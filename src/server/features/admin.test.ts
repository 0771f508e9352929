import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, signInRoles, type TestApp } from '../test/harness';
import { startTestSmtp } from '../test/smtp';
import { demoForm } from '../test/catalog-ids';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

describe('system administration', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (method: Method, url: string, cookie: string | undefined, payload?: object) =>
    request(t.app, { method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp();
    Object.assign(cookies, await signInRoles(t.app));
  });
  afterAll(() => t.close());

  it('is closed to everyone but system administrators, on every route', async () => {
    const alfa = (await t.db.selectFrom('company').select('id').where('name', '=', 'Alfa Indústria Ltda').executeTakeFirstOrThrow()).id;
    const agentId = (await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow()).id;
    const routes: [Method, string, object?][] = [
      ['GET', '/api/admin/companies'],
      ['POST', '/api/admin/companies', { name: 'X', firstAdmin: { name: 'X', email: 'x@x.example' } }],
      ['PATCH', `/api/admin/companies/${alfa}`, { active: false }],
      ['PUT', `/api/admin/companies/${alfa}/entitlements`, { serviceLineIds: [] }],
      ['GET', '/api/admin/catalog'],
      ['POST', '/api/admin/catalog/module', { name: 'X', parentId: 1 }],
      ['PATCH', '/api/admin/catalog/module/1', { active: false }],
      ['GET', '/api/admin/criticality'],
      ['PUT', '/api/admin/criticality', { matrix: {} }],
      ['GET', '/api/admin/agents'],
      ['POST', '/api/admin/agents', { name: 'X', email: 'x@atende.example' }],
      ['PATCH', `/api/admin/agents/${agentId}`, { role: 'admin' }],
      ['GET', '/api/admin/groups'],
      ['POST', '/api/admin/groups', { name: 'X' }],
      ['PUT', '/api/admin/groups/1', { name: 'X' }],
      ['GET', '/api/admin/help-channels'],
      ['POST', '/api/admin/help-channels', { names: { 'pt-BR': 'X' } }],
      ['PUT', '/api/admin/help-channels/1', { names: { 'pt-BR': 'X' } }],
      ['GET', '/api/admin/mail'],
      ['POST', '/api/admin/mail/test', { to: 'x@x.example' }],
      ['POST', '/api/admin/mail/1/resend'],
      ['GET', '/api/admin/audit'],
    ];
    for (const [method, url, body] of routes) {
      expect((await call(method, url, undefined, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
      for (const role of ['agent', 'portalAdmin', 'contact']) {
        expect((await call(method, url, cookies[role], body)).statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    // Nothing changed: Alfa is active, the agent is still an agent.
    expect((await t.db.selectFrom('company').select('active').where('id', '=', alfa).executeTakeFirstOrThrow()).active).toBeTruthy();
    expect((await t.db.selectFrom('person').select('staff_role').where('id', '=', agentId).executeTakeFirstOrThrow()).staff_role).toBe('agent');
    expect(await t.db.selectFrom('audit_event').select('id').execute()).toEqual([]);
  });

  it('creates a company whose first administrator is invited, and sets its entitlements', async () => {
    const bad = await call('POST', '/api/admin/companies', cookies.admin, { name: '', cnpj: '11.111.111/1111-11', country: 'XX', firstAdmin: { name: 'G', email: 'nope' } });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['cnpj', 'country', 'firstAdmin.email', 'name']);
    const dupCnpj = await call('POST', '/api/admin/companies', cookies.admin, { name: 'Gama', cnpj: '11.222.333/0001-81', firstAdmin: { name: 'G', email: 'g@gama.example' } });
    expect(dupCnpj.json().error.fields).toEqual({ cnpj: 'Já existe uma empresa com este CNPJ.' });

    const res = await call('POST', '/api/admin/companies', cookies.admin, { name: 'Gama Serviços', country: 'BR', firstAdmin: { name: 'Gabi Gama', email: 'gabi@gama.example' } });
    expect(res.statusCode).toBe(201);
    const gama = res.json();
    expect(gama).toMatchObject({ name: 'Gama Serviços', active: true, people: 1, serviceLineIds: [] });
    const invitation = await t.db.selectFrom('outbox_mail').select(['subject', 'text']).where('to_address', '=', 'gabi@gama.example').executeTakeFirstOrThrow();
    expect(invitation.text).toContain('Gama Serviços');
    const rm = await t.db.selectFrom('service_line').select('id').where('code', '=', 'RM').executeTakeFirstOrThrow();
    const entitled = await call('PUT', `/api/admin/companies/${gama.id}/entitlements`, cookies.admin, { serviceLineIds: [rm.id] });
    expect(entitled.json().serviceLineIds).toEqual([rm.id]);
    expect((await call('PUT', `/api/admin/companies/${gama.id}/entitlements`, cookies.admin, { serviceLineIds: [99999] })).statusCode).toBe(400);
    // Found without its accent or case, and a wildcard typed is only a character.
    const found = async (q: string) => (await call('GET', `/api/admin/companies?q=${encodeURIComponent(q)}`, cookies.admin)).json().companies.map((c: { name: string }) => c.name);
    expect(await found('GAMA SERVICOS')).toEqual(['Gama Serviços']);
    expect(await found('%')).toEqual([]);
  });

  it('deactivates a company: none of its people can sign in', async () => {
    const beta = (await t.db.selectFrom('company').select('id').where('name', '=', 'Beta Comércio S.A.').executeTakeFirstOrThrow()).id;
    const session = await signIn(t.app, 'contato@beta.example');
    expect((await call('PATCH', `/api/admin/companies/${beta}`, cookies.admin, { active: false })).json().active).toBe(false);
    expect((await call('GET', '/api/me', session)).statusCode).toBe(401);
    expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email: 'admin@beta.example', password: 'atende-demo' } })).statusCode).toBe(401);
    await call('PATCH', `/api/admin/companies/${beta}`, cookies.admin, { active: true });
    await signIn(t.app, 'admin@beta.example');
  });

  it('edits the catalog: adds, renames, reorders and deactivates, never deletes', async () => {
    const rm = await t.db.selectFrom('service_line').select('id').where('code', '=', 'RM').executeTakeFirstOrThrow();
    const created = await call('POST', '/api/admin/catalog/module', cookies.admin, { name: 'RM Saúde', parentId: rm.id, position: 0 });
    expect(created.statusCode).toBe(201);
    const routine = await call('POST', '/api/admin/catalog/routine', cookies.admin, { name: 'Prontuário', parentId: created.json().id });
    expect(routine.json()).toMatchObject({ name: 'Prontuário', parentId: created.json().id, active: true });
    expect((await call('POST', '/api/admin/catalog/module', cookies.admin, { name: 'RM Saúde', parentId: rm.id })).json().error.fields).toHaveProperty('name');
    expect((await call('POST', '/api/admin/catalog/routine', cookies.admin, { name: 'X' })).json().error.fields).toHaveProperty('parentId');
    const channel = (await t.db.selectFrom('channel').select('id').where('key', '=', 'software').executeTakeFirstOrThrow()).id;
    const dupCode = await call('POST', '/api/admin/catalog/service_line', cookies.admin, { name: 'Outro RM', code: 'RM', parentId: channel });
    expect(dupCode.statusCode).toBe(400);
    expect(dupCode.json().error.fields).toHaveProperty('code');
    const effect = await call('POST', '/api/admin/catalog/effect', cookies.admin, { names: { 'pt-BR': 'Lentidão', en: 'Slowness' }, urgency: 'low' });
    expect(effect.json()).toMatchObject({ name: 'Lentidão', urgency: 'low' });

    const contact = cookies.contact!;
    const formOf = async () => (await call('GET', `/api/service-lines/${rm.id}/form`, contact)).json();
    expect((await formOf()).modules.map((m: { name: string }) => m.name)).toContain('RM Saúde');
    await call('PATCH', `/api/admin/catalog/module/${created.json().id}`, cookies.admin, { active: false });
    expect((await formOf()).modules.map((m: { name: string }) => m.name)).not.toContain('RM Saúde');
    expect((await call('GET', '/api/admin/catalog', cookies.admin)).json().module.find((m: { id: number }) => m.id === created.json().id).active).toBe(false);
  });

  it('edits the criticality matrix, which new tickets then follow', async () => {
    const matrix = (await call('GET', '/api/admin/criticality', cookies.admin)).json().matrix;
    expect(matrix.high.medium).toBe('high');
    const incomplete = await call('PUT', '/api/admin/criticality', cookies.admin, { matrix: { high: { high: 'critical' } } });
    expect(incomplete.statusCode).toBe(400);
    matrix.high.medium = 'critical';
    expect((await call('PUT', '/api/admin/criticality', cookies.admin, { matrix })).statusCode).toBe(200);
    const form = await demoForm(t.db, 'RM');
    const opened = await call('POST', '/api/tickets', cookies.contact, form.fields);
    const ticket = (await call('GET', `/api/tickets/${opened.json().number}`, cookies.contact)).json();
    expect(ticket.criticality).toBe('critical');
  });

  it('invites agents and arranges groups that route tickets', async () => {
    const agent = await call('POST', '/api/admin/agents', cookies.admin, { name: 'Rita Rede', email: 'rita@atende.example' });
    expect(agent.json()).toMatchObject({ role: 'agent', active: true, groupIds: [] });
    expect((await call('POST', '/api/admin/agents', cookies.admin, { name: 'Dup', email: 'rita@atende.example' })).json().error.fields).toHaveProperty('email');
    const cloud = await t.db.selectFrom('service_line').select('id').where('code', '=', 'CLOUD').executeTakeFirstOrThrow();
    const group = await call('POST', '/api/admin/groups', cookies.admin, { name: 'Nuvem', memberIds: [agent.json().id], serviceLineIds: [cloud.id] });
    expect(group.statusCode).toBe(201);
    expect(group.json()).toMatchObject({ name: 'Nuvem', memberIds: [agent.json().id], serviceLineIds: [cloud.id] });
    expect((await call('POST', '/api/admin/groups', cookies.admin, { name: 'X', memberIds: ['not-an-agent'] })).json().error.fields).toHaveProperty('memberIds');
    const self = (await t.db.selectFrom('person').select('id').where('email', '=', 'sistema@atende.example').executeTakeFirstOrThrow()).id;
    expect((await call('PATCH', `/api/admin/agents/${self}`, cookies.admin, { active: false })).statusCode).toBe(400);
  });

  it('edits the help channels, which everyone reads without signing in', async () => {
    const help = (await call('GET', '/api/help', undefined)).json();
    expect(help.channels.map((c: { phone: string; option: string }) => `${c.phone}/${c.option}`)).toEqual(['4003 0015/5', '4003 0015/7']);
    expect(help.articles[0].slug).toBe('guia-do-portal');
    const guide = (await call('GET', '/api/help/articles/guia-do-portal', undefined)).json();
    expect(guide.body).toContain('COMO REALIZAR A ABERTURA DE UM CHAMADO');
    const created = await call('POST', '/api/admin/help-channels', cookies.admin, { names: { 'pt-BR': 'Chat', en: 'Chat' }, url: 'https://chat.example.com', position: 5 });
    expect(created.statusCode).toBe(201);
    const english = await request(t.app, { method: 'GET', url: '/api/help', headers: { 'accept-language': 'en' } });
    expect(english.json().channels.map((c: { name: string }) => c.name)).toContain('Chat');
    expect((await call('POST', '/api/admin/help-channels', cookies.admin, { names: { 'pt-BR': '' }, url: 'nope' })).json().error.fields).toHaveProperty('url');
  });

  it('sends a test mail through the configured SMTP server', async () => {
    const smtp = await startTestSmtp();
    const t2 = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    const admin = await signIn(t2.app, 'sistema@atende.example');
    const settings = (await request(t2.app, { method: 'GET', url: '/api/admin/mail', cookie: admin })).json();
    expect(settings.smtpUrl).toContain('127.0.0.1');
    const res = await request(t2.app, { method: 'POST', url: '/api/admin/mail/test', cookie: admin, payload: { to: 'ops@vendor.example' } });
    expect(res.json()).toEqual({ delivered: true, error: null });
    expect((await smtp.waitFor('ops@vendor.example')).subject).toBe('Atende: e-mail de teste');
    await t2.close();
    await smtp.close();
  });

  it('keeps an audit log of every administrative act, with before and after', async () => {
    const log = (await call('GET', '/api/admin/audit', cookies.admin)).json().events;
    const actions = log.map((e: { action: string }) => e.action);
    for (const a of ['company.created', 'company.entitlements', 'company.updated', 'catalog.module.created', 'catalog.module.updated', 'criticality.updated', 'agent.invited', 'group.created', 'help_channel.created']) {
      expect(actions, a).toContain(a);
    }
    const deactivation = log.find((e: { action: string; after: { active?: boolean } }) => e.action === 'company.updated' && e.after.active === false);
    expect(deactivation).toMatchObject({ actor: 'Sílvia Sistema', before: expect.objectContaining({ active: true }) });
    const filtered = (await call('GET', '/api/admin/audit?action=catalog', cookies.admin)).json().events;
    expect(filtered.map((e: { action: string }) => e.action)).toContain('catalog.module.created');
    expect(filtered.every((e: { action: string }) => e.action.startsWith('catalog.'))).toBe(true);
  });
});

describe('the staff directory', () => {
  it('gives every agent the groups and agents for assigning and transferring, and customers nothing', async () => {
    const t = await buildTestApp();
    const agent = await signIn(t.app, 'analista@atende.example');
    const res = await request(t.app, { method: 'GET', url: '/api/staff/directory', cookie: agent });
    expect(res.statusCode).toBe(200);
    expect(res.json().groups.map((g: { name: string }) => g.name)).toContain('Suporte RM');
    expect(res.json().agents.map((a: { email: string }) => a.email)).toContain('analista@atende.example');
    const customer = await signIn(t.app, 'admin@alfa.example');
    expect((await request(t.app, { method: 'GET', url: '/api/staff/directory', cookie: customer })).statusCode).toBe(403);
    await t.close();
  });
});
