import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';

type Answer = { status: number; body: Record<string, unknown> };

/** An answer without what differs by nature: the ids and the address typed. */
const comparable = ({ status, body }: Answer) => {
  const { id: _id, email: _email, ...rest } = body;
  return { status, keys: Object.keys(body).sort(), rest };
};

describe("adding a person who already has an account asks for their consent", () => {
  let t: TestApp;
  let alfaAdmin: string;
  const typed = { name: 'Pessoa Digitada', phone: '(11) 4003-0015', cpf: '529.982.247-25', seesAllTickets: true };
  const add = (email: string, cookie = alfaAdmin, company = 1) => request(t.app, { method: 'POST', url: `/api/companies/${company}/people`, cookie, payload: { ...typed, email } });
  const listed = async (email: string) => {
    const res = await request(t.app, { method: 'GET', url: `/api/companies/1/people?q=${encodeURIComponent(email)}`, cookie: alfaAdmin });
    return res.json().contacts as Record<string, unknown>[];
  };
  const memberships = async (cookie: string) => ((await request(t.app, { method: 'GET', url: '/api/me', cookie })).json().memberships as { companyName: string }[]).map((m) => m.companyName);

  beforeAll(async () => {
    t = await buildTestApp();
    alfaAdmin = await signIn(t.app, 'admin@alfa.example');
  });
  afterAll(() => t.close());

  it('answers the same, field by field but the ids, whether the address is new, another company\'s contact, or the vendor\'s staff', async () => {
    const answers = {
      nobody: await add('ninguem@novo.example'),
      contact: await add('contato@beta.example'),
      staff: await add('analista@atende.example'),
    };
    const shapes = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, comparable({ status: r.statusCode, body: r.json() })]));
    expect(shapes.nobody!.status).toBe(201);
    expect(shapes.contact).toEqual(shapes.nobody);
    expect(shapes.staff).toEqual(shapes.nobody);
    // The company sees only what it typed: neither Beatriz's name nor anything of André's.
    expect(answers.contact.json()).toMatchObject({ name: 'Pessoa Digitada', email: 'contato@beta.example', cpf: '52998224725', invitationPending: true, sharedElsewhere: false });
    expect(answers.contact.json().id).not.toBe((await t.db.selectFrom('person').select('id').where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow()).id);

    // The list afterwards, and the log, tell the three apart no more.
    const entries = { nobody: await listed('ninguem@novo.example'), contact: await listed('contato@beta.example'), staff: await listed('analista@atende.example') };
    for (const list of Object.values(entries)) expect(list).toHaveLength(1);
    const entry = (k: keyof typeof entries) => comparable({ status: 200, body: entries[k][0]! });
    expect(entry('contact')).toEqual(entry('nobody'));
    expect(entry('staff')).toEqual(entry('nobody'));
    const log = (await request(t.app, { method: 'GET', url: '/api/companies/1/audit', cookie: alfaAdmin })).json().events as Record<string, unknown>[];
    const logged = (id: string) => {
      const { id: _e, targetId: _t, createdAt: _c, after, ...rest } = log.find((e) => e.targetId === id)!;
      const { email: _m, ...typedAfter } = after as Record<string, unknown>;
      return { ...rest, after: typedAfter };
    };
    expect(logged(answers.contact.json().id)).toEqual(logged(answers.nobody.json().id));
    expect(logged(answers.staff.json().id)).toEqual(logged(answers.nobody.json().id));
    expect(logged(answers.contact.json().id)).toMatchObject({ action: 'contact.created', targetType: 'person', targetName: 'Pessoa Digitada' });

    // Adding the same address again is refused alike.
    const again = { nobody: await add('ninguem@novo.example'), contact: await add('contato@beta.example'), staff: await add('analista@atende.example') };
    expect(again.contact.body).toBe(again.nobody.body);
    expect(again.staff.body).toBe(again.nobody.body);
    expect(again.nobody.json().error.fields).toEqual({ email: 'Esta pessoa já é contato da empresa.' });
  });

  it('mails the person an invitation and makes them a member only when they accept, signed in', async () => {
    const mail = await t.db.selectFrom('outbox_mail').select(['subject', 'text']).where('to_address', '=', 'contato@beta.example').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Alfa Indústria Ltda convidou você para o portal Atende');
    expect(mail.text).toContain('Alfa Indústria Ltda convidou você');
    expect(mail.text).toContain('http://localhost:3000/invitations');
    // The vendor's staff are not mailed: they cannot be a company's contact.
    expect(await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'analista@atende.example').execute()).toEqual([]);

    const beatriz = await signIn(t.app, 'contato@beta.example');
    expect(await memberships(beatriz)).toEqual(['Beta Comércio S.A.']);
    const pending = await request(t.app, { method: 'GET', url: '/api/invitations', cookie: beatriz });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().invitations).toEqual([expect.objectContaining({ companyName: 'Alfa Indústria Ltda', invitedBy: 'Ana Administradora' })]);
    const { id } = pending.json().invitations[0];

    // Nobody else accepts it: not another person, not the company's own administrator.
    for (const email of ['contato@alfa.example', 'admin@alfa.example', 'analista@atende.example']) {
      const other = await signIn(t.app, email);
      expect((await request(t.app, { method: 'GET', url: '/api/invitations', cookie: other })).json().invitations, email).toEqual([]);
      expect((await request(t.app, { method: 'POST', url: `/api/invitations/${id}/accept`, cookie: other, payload: {} })).statusCode, email).toBe(404);
    }
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${id}/accept`, payload: {} })).statusCode).toBe(401);

    const accepted = await request(t.app, { method: 'POST', url: `/api/invitations/${id}/accept`, cookie: beatriz, payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(204);
    expect(await memberships(beatriz)).toEqual(['Alfa Indústria Ltda', 'Beta Comércio S.A.']);
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${id}/accept`, cookie: beatriz, payload: {} })).statusCode).toBe(404);
    // Now Alfa sees the person as she is, with the rights it gave; her own details stay hers.
    const [row] = await listed('contato@beta.example');
    expect(row).toMatchObject({ name: 'Beatriz Contato', sharedElsewhere: true, phone: null, cpf: null, seesAllTickets: true, invitationPending: false });
    const log = (await request(t.app, { method: 'GET', url: '/api/companies/1/audit', cookie: alfaAdmin })).json().events;
    expect(log[0]).toMatchObject({ action: 'contact.joined', actor: 'Beatriz Contato', targetName: 'Beatriz Contato' });
  });

  it('a declined invitation still looks pending to the company, as for anyone who never accepts', async () => {
    const before = await listed('admin@beta.example');
    expect(before).toEqual([]);
    await add('admin@beta.example');
    const bruno = await signIn(t.app, 'admin@beta.example');
    const [invitation] = (await request(t.app, { method: 'GET', url: '/api/invitations', cookie: bruno })).json().invitations;
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${invitation.id}/decline`, cookie: bruno, payload: {} })).statusCode).toBe(204);
    expect((await request(t.app, { method: 'GET', url: '/api/invitations', cookie: bruno })).json().invitations).toEqual([]);
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${invitation.id}/accept`, cookie: bruno, payload: {} })).statusCode).toBe(404);
    expect(await memberships(bruno)).toEqual(['Beta Comércio S.A.']);
    expect(await listed('admin@beta.example')).toEqual([expect.objectContaining({ name: 'Pessoa Digitada', invitationPending: true, active: true })]);
  });

  it('the company edits, deactivates and resends what it typed, as for a new contact; a deactivated invitation cannot be accepted', async () => {
    const [nobody] = await listed('ninguem@novo.example');
    const [staff] = await listed('analista@atende.example');
    const edits = [];
    for (const row of [nobody!, staff!]) {
      const url = `/api/companies/1/people/${row.id as string}`;
      const renamed = await request(t.app, { method: 'PATCH', url, cookie: alfaAdmin, payload: { name: 'Outro Nome', mayRequestConsulting: true } });
      const email = await request(t.app, { method: 'PATCH', url, cookie: alfaAdmin, payload: { email: 'corrigido@novo.example' } });
      const resent = await request(t.app, { method: 'POST', url: `${url}/invitation`, cookie: alfaAdmin, payload: {} });
      const off = await request(t.app, { method: 'POST', url: `${url}/deactivate`, cookie: alfaAdmin, payload: {} });
      const resentOff = await request(t.app, { method: 'POST', url: `${url}/invitation`, cookie: alfaAdmin, payload: {} });
      edits.push([renamed, email, resent, off, resentOff].map((r) => comparable({ status: r.statusCode, body: r.body ? r.json() : {} })));
    }
    expect(edits[1]).toEqual(edits[0]);
    expect(edits[0]!.map((e) => e.status)).toEqual([200, 400, 204, 200, 400]);

    // Beta's administrator, invited again and deactivated by Alfa, can no longer join.
    const [bruno] = await listed('admin@beta.example');
    await request(t.app, { method: 'POST', url: `/api/companies/1/people/${bruno!.id as string}/invitation`, cookie: alfaAdmin, payload: {} });
    const cookie = await signIn(t.app, 'admin@beta.example');
    const [invitation] = (await request(t.app, { method: 'GET', url: '/api/invitations', cookie })).json().invitations;
    expect(invitation).toMatchObject({ companyName: 'Alfa Indústria Ltda' });
    await request(t.app, { method: 'POST', url: `/api/companies/1/people/${bruno!.id as string}/deactivate`, cookie: alfaAdmin, payload: {} });
    expect((await request(t.app, { method: 'GET', url: '/api/invitations', cookie })).json().invitations).toEqual([]);
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${invitation.id}/accept`, cookie, payload: {} })).statusCode).toBe(404);
  });

  it('counts an invited administrator as a new one would be counted', async () => {
    const t2 = await buildTestApp();
    const admin = await signIn(t2.app, 'admin@alfa.example');
    const ana = await t2.db.selectFrom('person').select('id').where('email', '=', 'admin@alfa.example').executeTakeFirstOrThrow();
    const outcomes = [];
    for (const email of ['novo.admin@alfa.example', 'admin@beta.example']) {
      const created = await request(t2.app, { method: 'POST', url: '/api/companies/1/people', cookie: admin, payload: { name: 'Segundo Admin', email, isPortalAdmin: true } });
      const demote = await request(t2.app, { method: 'PATCH', url: `/api/companies/1/people/${ana.id}`, cookie: admin, payload: { isPortalAdmin: false } });
      outcomes.push(demote.statusCode);
      const self = await signIn(t2.app, 'sistema@atende.example');
      await request(t2.app, { method: 'PATCH', url: `/api/companies/1/people/${ana.id}`, cookie: self, payload: { isPortalAdmin: true } });
      await request(t2.app, { method: 'POST', url: `/api/companies/1/people/${created.json().id}/deactivate`, cookie: self, payload: {} });
    }
    expect(outcomes).toEqual([200, 200]);
    await t2.close();
  });
});

describe('consent everywhere people are added', () => {
  it('an import invites the people who already have an account, and its preview and result do not tell them apart', async () => {
    const t = await buildTestApp();
    const admin = await signIn(t.app, 'admin@alfa.example');
    const csv = 'nome;email\nNova Pessoa;nova@import.example\nOutra Empresa;contato@beta.example\nDa Casa;analista@atende.example\nJá Aqui;contato@alfa.example';
    const preview = await request(t.app, { method: 'POST', url: '/api/companies/1/people/import/preview', cookie: admin, payload: { csv } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts).toEqual({ new: 3, unchanged: 1, error: 0 });
    const rows = preview.json().rows.slice(0, 3).map(({ line: _l, email: _e, name: _n, ...rest }: Record<string, unknown>) => rest);
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    const done = await request(t.app, { method: 'POST', url: '/api/companies/1/people/import', cookie: admin, payload: { csv } });
    expect(done.json()).toEqual({ created: 3, unchanged: 1 });
    const beatriz = await signIn(t.app, 'contato@beta.example');
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: beatriz })).json().memberships).toHaveLength(1);
    expect((await request(t.app, { method: 'GET', url: '/api/invitations', cookie: beatriz })).json().invitations).toEqual([expect.objectContaining({ companyName: 'Alfa Indústria Ltda' })]);
    const list = (await request(t.app, { method: 'GET', url: '/api/companies/1/people?q=Outra', cookie: admin })).json().contacts;
    expect(list).toEqual([expect.objectContaining({ name: 'Outra Empresa', email: 'contato@beta.example', invitationPending: true })]);
    // Again: nothing to do, for all four.
    expect((await request(t.app, { method: 'POST', url: '/api/companies/1/people/import', cookie: admin, payload: { csv } })).json()).toEqual({ created: 0, unchanged: 4 });
    await t.close();
  });

  it("a new company's first administrator who already has an account is invited, and becomes its administrator on accepting", async () => {
    const t = await buildTestApp();
    const system = await signIn(t.app, 'sistema@atende.example');
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/admin/companies',
      cookie: system,
      payload: { name: 'Gama Serviços Ltda', country: 'BR', firstAdmin: { name: 'Beatriz', email: 'contato@beta.example' }, serviceLineIds: [] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const beatriz = await signIn(t.app, 'contato@beta.example');
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: beatriz })).json().memberships).toHaveLength(1);
    const [invitation] = (await request(t.app, { method: 'GET', url: '/api/invitations', cookie: beatriz })).json().invitations;
    expect(invitation).toMatchObject({ companyName: 'Gama Serviços Ltda' });
    expect((await request(t.app, { method: 'POST', url: `/api/invitations/${invitation.id}/accept`, cookie: beatriz, payload: {} })).statusCode).toBe(204);
    const me = (await request(t.app, { method: 'GET', url: '/api/me', cookie: beatriz })).json();
    expect(me.memberships).toEqual(expect.arrayContaining([expect.objectContaining({ companyName: 'Gama Serviços Ltda', isPortalAdmin: true })]));
    await t.close();
  });
});
