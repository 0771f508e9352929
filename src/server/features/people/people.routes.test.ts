import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { hashToken } from '../auth/auth.tokens';

/** The newest set-password token mailed to an address. */
async function invitationToken(t: TestApp, to: string) {
  const mail = await t.db.selectFrom('outbox_mail').select(['text', 'subject']).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return decodeURIComponent(/set-password\?token=([\w-]+)/.exec(mail.text)![1]!);
}

describe('portal administrators run their company\'s contacts', () => {
  let t: TestApp;
  let alfaAdmin: string;
  let alfaId: number;
  let betaId: number;
  const logs: string[] = [];

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    request(t.app, { method, url, cookie, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (l) => void logs.push(l) } });
    alfaAdmin = await signIn(t.app, 'admin@alfa.example');
    alfaId = (await t.db.selectFrom('company').select('id').where('name', '=', 'Alfa Indústria Ltda').executeTakeFirstOrThrow()).id;
    betaId = (await t.db.selectFrom('company').select('id').where('name', '=', 'Beta Comércio S.A.').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('creates a contact who receives a single-use invitation to set a password', async () => {
    const res = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, {
      name: 'Nina Nova',
      email: 'Nina@Alfa.example',
      phone: '(11) 4003-0015',
      cpf: '123.456.789-09',
      seesAllTickets: true,
      role: 'admin',
      staffRole: 'admin',
      companyId: betaId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nina@alfa.example', cpf: '12345678909', seesAllTickets: true, isPortalAdmin: false, invitationPending: true });
    const person = await t.db.selectFrom('person').select(['staff_role']).where('email', '=', 'nina@alfa.example').executeTakeFirstOrThrow();
    expect(person.staff_role).toBeNull();
    expect(await t.db.selectFrom('membership').select('company_id').where('person_id', '=', res.json().id).execute()).toEqual([{ company_id: alfaId }]);

    const token = await invitationToken(t, 'nina@alfa.example');
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password: 'nina-password-1' } })).statusCode).toBe(204);
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password: 'nina-password-2' } })).statusCode).toBe(400);
    await signIn(t.app, 'nina@alfa.example', 'nina-password-1');
    expect(logs.join('\n')).not.toContain(token);
  });

  it('expires invitations after 72 hours and can send a new one', async () => {
    const created = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: 'Otto Tarde', email: 'otto@alfa.example' });
    const token = await invitationToken(t, 'otto@alfa.example');
    const row = await t.db.selectFrom('verification').select(['expires_at']).where('identifier', '=', hashToken(`reset-password:${token}`)).executeTakeFirstOrThrow();
    const hours = (new Date(row.expires_at).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    await t.db.updateTable('verification').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('identifier', '=', hashToken(`reset-password:${token}`)).execute();
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password: 'otto-password-1' } })).json().error.code).toBe('invalid_token');
    expect((await call('POST', `/api/companies/${alfaId}/people/${created.json().id}/invitation`, alfaAdmin)).statusCode).toBe(204);
    const fresh = await invitationToken(t, 'otto@alfa.example');
    expect(fresh).not.toBe(token);
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token: fresh, password: 'otto-password-1' } })).statusCode).toBe(204);
  });

  it('sends no new invitation to a contact removed from the company', async () => {
    const created = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: 'Rui Saiu', email: 'rui@alfa.example' });
    expect(created.statusCode, created.body).toBe(201);
    const removed = await call('POST', `/api/companies/${alfaId}/people/${created.json().id}/deactivate`, alfaAdmin);
    expect(removed.statusCode, removed.body).toBe(200);
    const sentBefore = await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'rui@alfa.example').execute();
    const res = await call('POST', `/api/companies/${alfaId}/people/${created.json().id}/invitation`, alfaAdmin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('invitation');
    expect(await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'rui@alfa.example').execute()).toHaveLength(sentBefore.length);
  });

  it('names each invalid field', async () => {
    const res = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: '', email: 'nope', cpf: '111.111.111-11', phone: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['cpf', 'email', 'name', 'phone']);
    const dup = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: 'Carlos', email: 'contato@alfa.example' });
    expect(dup.json().error.fields).toEqual({ email: 'Esta pessoa já é contato da empresa.' });
  });

  it('never grants what the administrator does not hold', async () => {
    await t.db.updateTable('membership').set({ may_request_consulting: false }).where('company_id', '=', alfaId).execute();
    const cookie = await signIn(t.app, 'admin@alfa.example');
    const res = await call('POST', `/api/companies/${alfaId}/people`, cookie, { name: 'Paula', email: 'paula@alfa.example', mayRequestConsulting: true });
    expect(res.json().error.fields).toEqual({ mayRequestConsulting: 'Você não pode conceder uma permissão que não tem.' });
    await t.db.updateTable('membership').set({ may_request_consulting: true }).where('company_id', '=', alfaId).where('is_portal_admin', '=', true).execute();
  });

  it('never removes the last active administrator', async () => {
    const admin = await t.db.selectFrom('person').select('id').where('email', '=', 'admin@alfa.example').executeTakeFirstOrThrow();
    const demote = await call('PATCH', `/api/companies/${alfaId}/people/${admin.id}`, alfaAdmin, { isPortalAdmin: false });
    expect(demote.json().error.fields).toEqual({ isPortalAdmin: 'A empresa precisa de ao menos um administrador de portal ativo.' });
    const deactivate = await call('POST', `/api/companies/${alfaId}/people/${admin.id}/deactivate`, alfaAdmin);
    expect(deactivate.json().error.fields).toHaveProperty('active');
  });

  it('deactivates a contact: their session stops at the next request; reactivation lets them back', async () => {
    const contact = await signIn(t.app, 'contato@alfa.example');
    const person = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    const res = await call('POST', `/api/companies/${alfaId}/people/${person.id}/deactivate`, alfaAdmin);
    expect(res.json().active).toBe(false);
    expect((await call('GET', '/api/me', contact)).statusCode).toBe(401);
    expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email: 'contato@alfa.example', password: 'atende-demo' } })).statusCode).toBe(401);
    expect((await call('POST', `/api/companies/${alfaId}/people/${person.id}/reactivate`, alfaAdmin)).json().active).toBe(true);
    await signIn(t.app, 'contato@alfa.example');
  });

  it('changes an e-mail only after the new address confirms it', async () => {
    const person = await t.db.selectFrom('person').select('id').where('email', '=', 'nina@alfa.example').executeTakeFirstOrThrow();
    const res = await call('PATCH', `/api/companies/${alfaId}/people/${person.id}`, alfaAdmin, { email: 'nina.nova@alfa.example', name: 'Nina Nova Silva' });
    expect(res.json()).toMatchObject({ email: 'nina@alfa.example', pendingEmail: 'nina.nova@alfa.example', name: 'Nina Nova Silva' });
    const mail = await t.db.selectFrom('outbox_mail').select('text').where('to_address', '=', 'nina.nova@alfa.example').executeTakeFirstOrThrow();
    const token = decodeURIComponent(/confirm-email\?token=([\w-]+)/.exec(mail.text)![1]!);
    expect((await request(t.app, { method: 'POST', url: '/api/email/confirm', payload: { token } })).statusCode).toBe(204);
    expect((await request(t.app, { method: 'POST', url: '/api/email/confirm', payload: { token } })).statusCode).toBe(400);
    await signIn(t.app, 'nina.nova@alfa.example', 'nina-password-1');
  });

  it('keeps every administrator inside their own company', async () => {
    const betaPerson = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    const alfaPerson = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    const contact = await signIn(t.app, 'contato@alfa.example');
    const routes: [method: 'GET' | 'POST' | 'PATCH', url: string, body?: object][] = [
      ['GET', `/api/companies/${betaId}/people`],
      ['POST', `/api/companies/${betaId}/people`, { name: 'X', email: 'x@beta.example' }],
      ['PATCH', `/api/companies/${betaId}/people/${betaPerson.id}`, { name: 'X' }],
      ['POST', `/api/companies/${betaId}/people/${betaPerson.id}/deactivate`],
      ['POST', `/api/companies/${betaId}/people/${betaPerson.id}/invitation`],
      ['POST', `/api/companies/${betaId}/people/import/preview`, { csv: 'nome,email\nX,x@beta.example' }],
      ['POST', `/api/companies/${betaId}/people/import`, { csv: 'nome,email\nX,x@beta.example' }],
      ['GET', `/api/companies/${betaId}/products`],
      ['GET', `/api/companies/${betaId}/audit`],
      // A person of another company, reached through my own company's URL.
      ['PATCH', `/api/companies/${alfaId}/people/${betaPerson.id}`, { name: 'X' }],
      ['POST', `/api/companies/${alfaId}/people/${betaPerson.id}/deactivate`],
    ];
    const missing = await call('GET', '/api/companies/999999/people', alfaAdmin);
    for (const [method, url, body] of routes) {
      const res = await call(method, url, alfaAdmin, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).toBe(missing.body);
    }
    // A plain contact administers nothing, not even their own company.
    for (const [method, url, body] of [
      ['GET', `/api/companies/${alfaId}/people`],
      ['POST', `/api/companies/${alfaId}/people`, { name: 'X', email: 'x@alfa.example', isPortalAdmin: true }],
      ['PATCH', `/api/companies/${alfaId}/people/${alfaPerson.id}`, { isPortalAdmin: true }],
      ['GET', `/api/companies/${alfaId}/audit`],
    ] as const) {
      expect((await call(method, url, contact, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await t.db.selectFrom('membership').select('is_portal_admin').where('person_id', '=', alfaPerson.id).executeTakeFirstOrThrow()).is_portal_admin).toBeFalsy();
  });

  it('lists and searches the company\'s people, and shows its products and log', async () => {
    const all = (await call('GET', `/api/companies/${alfaId}/people?q=nina`, alfaAdmin)).json();
    expect(all.contacts.map((c: { name: string }) => c.name)).toEqual(['Nina Nova Silva']);
    await t.db.updateTable('person').set({ name: 'Nina Nova Simões' }).where('name', '=', 'Nina Nova Silva').execute();
    const folded = (await call('GET', `/api/companies/${alfaId}/people?q=SIMOES`, alfaAdmin)).json();
    expect(folded.contacts.map((c: { name: string }) => c.name)).toEqual(['Nina Nova Simões']);
    await t.db.updateTable('person').set({ name: 'Nina Nova Silva' }).where('name', '=', 'Nina Nova Simões').execute();
    const page = (await call('GET', `/api/companies/${alfaId}/people?limit=2`, alfaAdmin)).json();
    expect(page.contacts).toHaveLength(2);
    const next = (await call('GET', `/api/companies/${alfaId}/people?limit=2&cursor=${page.nextCursor}`, alfaAdmin)).json();
    expect(next.contacts[0].name > page.contacts[1].name).toBe(true);
    const products = (await call('GET', `/api/companies/${alfaId}/products`, alfaAdmin)).json().products;
    expect(products.map((p: { code: string }) => p.code)).toEqual(['RM', 'PROTHEUS', 'CST', 'OUVIDORIA', 'CLOUD']);
    const log = (await call('GET', `/api/companies/${alfaId}/audit`, alfaAdmin)).json().events;
    expect(log.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['contact.created', 'contact.deactivated', 'contact.reactivated', 'contact.updated']));
    expect(log.find((e: { action: string }) => e.action === 'contact.updated')).toMatchObject({ actor: 'Ana Administradora', before: expect.objectContaining({ name: 'Nina Nova' }) });
  });

  it("adds another company's contact once they accept, but leaves their own details to them: no account taken over through an e-mail change", async () => {
    const betaAdmin = await signIn(t.app, 'admin@beta.example');
    const person = await t.db.selectFrom('person').select('id').where('email', '=', 'admin@beta.example').executeTakeFirstOrThrow();
    await t.db.updateTable('person').set({ phone: '(47) 3333-0000', cpf: '52998224725' }).where('id', '=', person.id).execute();

    const added = await call('POST', `/api/companies/${alfaId}/people`, alfaAdmin, { name: 'Outro Nome', email: 'admin@beta.example' });
    expect(added.statusCode, added.body).toBe(201);
    // Until the person accepts, Alfa sees what it typed, and nothing of Beta's.
    expect(added.json()).toMatchObject({ name: 'Outro Nome', sharedElsewhere: false, phone: null, cpf: null, invitationPending: true });
    expect(added.json().id).not.toBe(person.id);
    const [invitation] = (await call('GET', '/api/invitations', betaAdmin)).json().invitations;
    expect((await call('POST', `/api/invitations/${invitation.id}/accept`, betaAdmin, {})).statusCode).toBe(204);

    // Beta's details of the person stay Beta's: the list shows neither phone nor CPF.
    const listed = (await call('GET', `/api/companies/${alfaId}/people?q=admin@beta`, alfaAdmin)).json().contacts;
    expect(listed).toEqual([expect.objectContaining({ id: person.id, name: 'Bruno Administrador', sharedElsewhere: true, phone: null, cpf: null })]);

    const url = `/api/companies/${alfaId}/people/${person.id}`;
    const refused = await call('PATCH', url, alfaAdmin, { email: 'attacker@evil.example', name: 'Invasor', phone: '(11) 9999-9999', cpf: '111.444.777-35' });
    expect(refused.statusCode).toBe(400);
    const message = 'Esta pessoa também é contato de outra empresa: só ela mesma ou o administrador do sistema altera este dado.';
    expect(refused.json().error.fields).toEqual({ email: message, name: message, phone: message, cpf: message });
    const after = await t.db.selectFrom('person').select(['name', 'email', 'pending_email', 'phone']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ name: 'Bruno Administrador', email: 'admin@beta.example', pending_email: null, phone: '(47) 3333-0000' });
    expect(await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'attacker@evil.example').execute()).toEqual([]);

    // Even the values stored are refused: a 200 would confirm a guessed CPF or phone.
    const guessed = await call('PATCH', url, alfaAdmin, { phone: '(47) 3333-0000', cpf: '529.982.247-25' });
    expect(guessed.statusCode).toBe(400);
    expect(guessed.json().error.fields).toEqual({ phone: message, cpf: message });

    // Alfa still runs the person's rights in Alfa.
    const rights = await call('PATCH', url, alfaAdmin, { seesAllTickets: true });
    expect(rights.statusCode, rights.body).toBe(200);
    expect(rights.json()).toMatchObject({ seesAllTickets: true, sharedElsewhere: true });
    const logged = (await call('GET', `/api/companies/${alfaId}/audit`, alfaAdmin)).body;
    expect(logged).toContain('seesAllTickets');
    expect(logged).not.toContain('3333-0000');
    expect(logged).not.toContain('52998224725');

    // Removing the person from Alfa leaves their Beta session alone.
    expect((await call('POST', `${url}/deactivate`, alfaAdmin)).json().active).toBe(false);
    expect((await call('GET', `/api/companies/${betaId}/people`, betaAdmin)).statusCode).toBe(200);

    // The system administrator may change them.
    const system = await signIn(t.app, 'sistema@atende.example');
    const renamed = await call('PATCH', url, system, { name: 'Bruno A. Souza' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Bruno A. Souza', sharedElsewhere: false, phone: '(47) 3333-0000' });
  });
});

describe('importing contacts from CSV', () => {
  it('previews every row\'s errors, then commits 5,000 contacts once, idempotently', async () => {
    const t = await buildTestApp();
    const admin = await signIn(t.app, 'admin@beta.example');
    const beta = (await t.db.selectFrom('company').select('id').where('name', '=', 'Beta Comércio S.A.').executeTakeFirstOrThrow()).id;
    const good = Array.from({ length: 5000 }, (_, i) => `Contato ${i};contato${i}@beta.example;(11) 5555-${String(i).padStart(4, '0')};;sim;não`);
    const bad = ['Sem Email;;;;não;não', 'Email Ruim;ruim@;;;não;não', 'CPF Ruim;cpf@beta.example;;111.111.111-11;não;não', 'Repetido;contato1@beta.example;;;não;não', 'Talvez;talvez@beta.example;;;talvez;yes'];
    const header = 'nome;email;telefone;cpf;ve_todos;consultoria';
    const withErrors = [header, ...good, ...bad].join('\n');
    const preview = await request(t.app, { method: 'POST', url: `/api/companies/${beta}/people/import/preview`, cookie: admin, payload: { csv: withErrors } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().counts).toEqual({ new: 5000, unchanged: 0, error: 5 });
    const errors = preview.json().rows.filter((r: { status: string }) => r.status === 'error');
    expect(errors.map((r: { line: number; errors: object }) => [r.line, Object.keys(r.errors)])).toEqual([
      [5002, ['email']],
      [5003, ['email']],
      [5004, ['cpf']],
      [5005, ['email']],
      // Neither yes nor no is not read as "no".
      [5006, ['seesAllTickets']],
    ]);
    expect(errors.at(-1).errors).toEqual({ seesAllTickets: 'Use sim ou não.' });
    const refused = await request(t.app, { method: 'POST', url: `/api/companies/${beta}/people/import`, cookie: admin, payload: { csv: withErrors } });
    expect(refused.statusCode).toBe(400);
    const count = async () => Number((await t.db.selectFrom('membership').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', beta).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(2);

    const clean = [header, ...good].join('\n');
    const done = await request(t.app, { method: 'POST', url: `/api/companies/${beta}/people/import`, cookie: admin, payload: { csv: clean } });
    expect(done.json()).toEqual({ created: 5000, unchanged: 0 });
    expect(await count()).toBe(5002);
    const again = await request(t.app, { method: 'POST', url: `/api/companies/${beta}/people/import`, cookie: admin, payload: { csv: clean } });
    expect(again.json()).toEqual({ created: 0, unchanged: 5000 });
    expect(await count()).toBe(5002);
    const invited = await t.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).where('subject', '=', 'Seu acesso ao portal Atende').executeTakeFirstOrThrow();
    expect(Number(invited.n)).toBe(5000);
    await t.close();
  }, 120_000);
});

describe('"Não sabe quem é o administrador do portal?"', () => {
  it('mails an active person their administrators and tells a stranger nothing', async () => {
    const t = await buildTestApp();
    const ask = (email: string, ip = '198.51.100.1') =>
      request(t.app, { method: 'POST', url: '/api/portal-admins/lookup', payload: { email }, headers: { 'x-forwarded-for': ip } });
    const known = await ask('contato@alfa.example');
    const unknown = await ask('ninguem@nada.example');
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const mails = await t.db.selectFrom('outbox_mail').select(['to_address', 'text']).execute();
    expect(mails.map((m) => m.to_address)).toEqual(['contato@alfa.example']);
    expect(mails[0]!.text).toContain('Alfa Indústria Ltda: Ana Administradora <admin@alfa.example>');
    await t.close();
  });

  it('is throttled per address, from any IP', async () => {
    const t = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    const ask = (i: number) =>
      request(t.app, { method: 'POST', url: '/api/portal-admins/lookup', payload: { email: 'contato@alfa.example' }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    for (let i = 0; i < 3; i++) expect((await ask(i)).statusCode).toBe(202);
    const refused = await ask(9);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await t.db.selectFrom('outbox_mail').select('id').execute()).toHaveLength(3);
    await t.close();
  });

  it('is throttled', async () => {
    const t = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    let last;
    for (let i = 0; i < 11; i++) {
      last = await request(t.app, { method: 'POST', url: '/api/portal-admins/lookup', payload: { email: `a${i}@x.example` }, headers: { 'x-forwarded-for': '198.51.100.9' } });
    }
    expect(last!.statusCode).toBe(429);
    await t.close();
  });
});
