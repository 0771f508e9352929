import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';

/** The token of the newest link of this path mailed to `to`. */
async function mailedToken(t: TestApp, to: string, path: string): Promise<string> {
  const mail = await t.db.selectFrom('outbox_mail').select('text').where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = new RegExp(`/${path}\\?token=([\\w-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}

describe("changing someone's e-mail: the owner is told at once and can undo", () => {
  let t: TestApp;
  let admin: string;
  let carlosId: string;
  const edit = (payload: object, cookie = admin, personId = carlosId) => request(t.app, { method: 'PATCH', url: `/api/companies/1/people/${personId}`, cookie, payload });
  const confirm = (token: string) => request(t.app, { method: 'POST', url: '/api/email/confirm', payload: { token } });
  const undo = (token: string) => request(t.app, { method: 'POST', url: '/api/email/undo', payload: { token } });
  const me = (cookie: string) => request(t.app, { method: 'GET', url: '/api/me', cookie });
  const carlos = () => t.db.selectFrom('person').select(['email', 'pending_email']).where('id', '=', carlosId).executeTakeFirstOrThrow();
  const actions = async () =>
    (await t.db.selectFrom('audit_event').select('action').where('target_id', '=', carlosId).where('action', 'like', 'email.%').orderBy('id').execute()).map((r) => r.action);

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signIn(t.app, 'admin@alfa.example');
    carlosId = (await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('mails the old address at once with an undo link valid 7 days; the new one takes effect only once confirmed, and then every session ends', async () => {
    const session = await signIn(t.app, 'contato@alfa.example');
    const res = await edit({ email: 'carlos.novo@alfa.example' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: 'contato@alfa.example', pendingEmail: 'carlos.novo@alfa.example' });

    const notice = await t.db.selectFrom('outbox_mail').select(['subject', 'text']).where('to_address', '=', 'contato@alfa.example').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe('O e-mail da sua conta no Atende vai mudar');
    expect(notice.text).toContain('Ana Administradora');
    expect(notice.text).toContain('carlos.novo@alfa.example');
    const change = await t.db.selectFrom('email_change').select(['undo_expires_at', 'status']).where('person_id', '=', carlosId).executeTakeFirstOrThrow();
    expect(change.status).toBe('pending');
    const days = (new Date(change.undo_expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // Until the new address confirms, the old one signs in and the session goes on.
    expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email: 'carlos.novo@alfa.example', password: 'atende-demo' } })).statusCode).toBe(401);
    expect((await me(session)).statusCode).toBe(200);

    expect((await confirm(await mailedToken(t, 'carlos.novo@alfa.example', 'confirm-email'))).statusCode).toBe(204);
    expect(await carlos()).toEqual({ email: 'carlos.novo@alfa.example', pending_email: null });
    expect((await me(session)).statusCode).toBe(401);
    await signIn(t.app, 'carlos.novo@alfa.example');
    expect(await actions()).toEqual(['email.change_requested', 'email.confirmed']);
  });

  it('an undo after the confirmation restores the old address, ends every session and voids a password set since', async () => {
    // The administrator sends the contact's address to one of their own, confirms it and resets the password.
    const owner = await signIn(t.app, 'carlos.novo@alfa.example');
    await edit({ email: 'mallory@evil.example' });
    const undoToken = await mailedToken(t, 'carlos.novo@alfa.example', 'undo-email');
    await confirm(await mailedToken(t, 'mallory@evil.example', 'confirm-email'));
    await request(t.app, { method: 'POST', url: '/api/password/forgot', payload: { email: 'mallory@evil.example' } });
    await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token: await mailedToken(t, 'mallory@evil.example', 'set-password'), password: 'mallory-owns-it' } });
    const intruder = await signIn(t.app, 'mallory@evil.example', 'mallory-owns-it');
    expect((await me(owner)).statusCode).toBe(401);

    // The owner follows the link mailed to the old address.
    const res = await undo(undoToken);
    expect(res.statusCode, res.body).toBe(204);
    expect(await carlos()).toEqual({ email: 'carlos.novo@alfa.example', pending_email: null });
    expect((await me(intruder)).statusCode).toBe(401);
    for (const email of ['mallory@evil.example', 'carlos.novo@alfa.example']) {
      expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email, password: 'mallory-owns-it' } })).statusCode, email).toBe(401);
    }
    // The password set since the change is void; the restored address gets a link to set a new one.
    const setAgain = await mailedToken(t, 'carlos.novo@alfa.example', 'set-password');
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token: setAgain, password: 'carlos-is-back-1' } })).statusCode).toBe(204);
    await signIn(t.app, 'carlos.novo@alfa.example', 'carlos-is-back-1');
    expect((await undo(undoToken)).statusCode).toBe(400);
    expect(await actions()).toEqual(['email.change_requested', 'email.confirmed', 'email.change_requested', 'email.confirmed', 'email.undone']);

    // The first change's link, mailed to the first address, still undoes that one.
    expect((await undo(await mailedToken(t, 'contato@alfa.example', 'undo-email'))).statusCode).toBe(204);
    expect(await carlos()).toEqual({ email: 'contato@alfa.example', pending_email: null });
    const setFirst = await mailedToken(t, 'contato@alfa.example', 'set-password');
    expect((await request(t.app, { method: 'POST', url: '/api/password/set', payload: { token: setFirst, password: 'carlos-is-back-1' } })).statusCode).toBe(204);
  });

  it('an undo before the confirmation cancels the pending change, voids its link and ends every session', async () => {
    const session = await signIn(t.app, 'contato@alfa.example', 'carlos-is-back-1');
    await edit({ email: 'carlos.quase@alfa.example' });
    const confirmToken = await mailedToken(t, 'carlos.quase@alfa.example', 'confirm-email');
    expect((await undo(await mailedToken(t, 'contato@alfa.example', 'undo-email'))).statusCode).toBe(204);
    expect(await carlos()).toEqual({ email: 'contato@alfa.example', pending_email: null });
    expect((await me(session)).statusCode).toBe(401);
    const refused = await confirm(confirmToken);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_token');
    // Nothing was changed, so the password stands.
    await signIn(t.app, 'contato@alfa.example', 'carlos-is-back-1');
    expect((await actions()).slice(-2)).toEqual(['email.change_requested', 'email.undone']);
  });

  it('setting the e-mail back cancels the pending change and voids its links', async () => {
    await edit({ email: 'carlos.talvez@alfa.example' });
    const confirmToken = await mailedToken(t, 'carlos.talvez@alfa.example', 'confirm-email');
    const undoToken = await mailedToken(t, 'contato@alfa.example', 'undo-email');
    const back = await edit({ email: 'contato@alfa.example' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ email: 'contato@alfa.example', pendingEmail: null });
    expect((await confirm(confirmToken)).statusCode).toBe(400);
    expect((await undo(undoToken)).statusCode).toBe(400);
    expect(await carlos()).toEqual({ email: 'contato@alfa.example', pending_email: null });
    expect((await actions()).slice(-2)).toEqual(['email.change_requested', 'email.change_cancelled']);
  });

  it('a second change replaces the first: only the newest links work', async () => {
    await edit({ email: 'carlos.a@alfa.example' });
    const first = await mailedToken(t, 'carlos.a@alfa.example', 'confirm-email');
    await edit({ email: 'carlos.b@alfa.example' });
    expect((await confirm(first)).statusCode).toBe(400);
    expect((await confirm(await mailedToken(t, 'carlos.b@alfa.example', 'confirm-email'))).statusCode).toBe(204);
    expect((await carlos()).email).toBe('carlos.b@alfa.example');
  });

  it('a later change cannot take away the undo of an earlier one; undoing the earlier voids the later', async () => {
    // Now carlos.b (confirmed above, undo mailed to contato@alfa.example); then b → c, confirmed.
    const firstUndo = await mailedToken(t, 'contato@alfa.example', 'undo-email');
    await edit({ email: 'carlos.c@alfa.example' });
    const secondUndo = await mailedToken(t, 'carlos.b@alfa.example', 'undo-email');
    await confirm(await mailedToken(t, 'carlos.c@alfa.example', 'confirm-email'));
    expect((await undo(firstUndo)).statusCode).toBe(204);
    expect((await carlos()).email).toBe('contato@alfa.example');
    expect((await undo(secondUndo)).statusCode).toBe(400);
    expect((await carlos()).email).toBe('contato@alfa.example');
  });

  it('an undo link expires after 7 days', async () => {
    await edit({ email: 'carlos.tarde@alfa.example' });
    const token = await mailedToken(t, 'contato@alfa.example', 'undo-email');
    await t.db.updateTable('email_change').set({ undo_expires_at: new Date(Date.now() - 1000).toISOString() }).where('status', '=', 'pending').execute();
    expect((await undo(token)).statusCode).toBe(400);
    await edit({ email: 'contato@alfa.example' });
  });

  it('answers two confirmations of one link once', async () => {
    await edit({ email: 'carlos.duplo@alfa.example' });
    const token = await mailedToken(t, 'carlos.duplo@alfa.example', 'confirm-email');
    const answers = await Promise.all([confirm(token), confirm(token)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 400]);
    await edit({ email: 'contato@alfa.example' });
    await confirm(await mailedToken(t, 'contato@alfa.example', 'confirm-email'));
    expect((await carlos()).email).toBe('contato@alfa.example');
  });

  it("refuses to change the e-mail of someone who has not accepted the invitation: the link mailed before would follow it", async () => {
    const created = await request(t.app, { method: 'POST', url: '/api/companies/1/people', cookie: admin, payload: { name: 'Nora Nova', email: 'nora@alfa.example' } });
    const res = await edit({ email: 'nora.certa@alfa.example' }, admin, created.json().id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ email: 'Esta pessoa ainda não aceitou o convite. Para usar outro e-mail, desative-a e cadastre o endereço certo.' });
    expect(await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'nora.certa@alfa.example').execute()).toEqual([]);
  });

  it('the system administrator changing an agent\'s e-mail follows the same rules', async () => {
    const system = await signIn(t.app, 'sistema@atende.example');
    const agent = await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow();
    const session = await signIn(t.app, 'analista@atende.example');
    const res = await request(t.app, { method: 'PATCH', url: `/api/admin/agents/${agent.id}`, cookie: system, payload: { email: 'andre@atende.example' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: 'analista@atende.example', pendingEmail: 'andre@atende.example' });
    const undoToken = await mailedToken(t, 'analista@atende.example', 'undo-email');
    await confirm(await mailedToken(t, 'andre@atende.example', 'confirm-email'));
    expect((await me(session)).statusCode).toBe(401);
    await signIn(t.app, 'andre@atende.example');
    expect((await undo(undoToken)).statusCode).toBe(204);
    await signIn(t.app, 'analista@atende.example');
    const logged = await t.db.selectFrom('audit_event').select('action').where('target_id', '=', agent.id).where('action', 'like', 'email.%').orderBy('id').execute();
    expect(logged.map((r) => r.action)).toEqual(['email.change_requested', 'email.confirmed', 'email.undone']);
  });
});

describe("no administrator sets or resets a colleague's password", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('only the sign-in, the mailed link, the own change and the first setup take a password, in the whole API', async () => {
    const doc = (await request(t.app, { method: 'GET', url: '/api/openapi.json' })).json();
    const takesPassword: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: unknown }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (/password/i.test(JSON.stringify(operation.requestBody ?? {}))) takesPassword.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(takesPassword.sort()).toEqual(['POST /api/password/change', 'POST /api/password/set', 'POST /api/session', 'POST /api/setup']);
  });

  it('a password sent with an edit is ignored; the invitation goes only to someone without a password; a change of password is only ever my own', async () => {
    const carlos = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    const agent = await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow();
    const portalAdmin = await signIn(t.app, 'admin@alfa.example');
    const system = await signIn(t.app, 'sistema@atende.example');
    const password = { password: 'taken-over-1', newPassword: 'taken-over-1', currentPassword: 'atende-demo' };
    for (const [cookie, url] of [
      [portalAdmin, `/api/companies/1/people/${carlos.id}`],
      [system, `/api/companies/1/people/${carlos.id}`],
      [system, `/api/admin/agents/${agent.id}`],
    ] as const) {
      const res = await request(t.app, { method: 'PATCH', url, cookie, payload: { ...password, name: 'Mesmo Nome' } });
      expect(res.statusCode, url).toBe(200);
    }
    for (const [cookie, url] of [
      [portalAdmin, `/api/companies/1/people/${carlos.id}/invitation`],
      [system, `/api/admin/agents/${agent.id}/invitation`],
    ] as const) {
      const res = await request(t.app, { method: 'POST', url, cookie, payload: {} });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields).toEqual({ invitation: 'Esta pessoa já definiu a senha.' });
    }
    // The administrator's own change of password changes the administrator's.
    expect((await request(t.app, { method: 'POST', url: '/api/password/change', cookie: portalAdmin, payload: { currentPassword: 'atende-demo', newPassword: 'taken-over-1' } })).statusCode).toBe(204);
    for (const email of ['contato@alfa.example', 'analista@atende.example']) {
      expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email, password: 'taken-over-1' } })).statusCode, email).toBe(401);
      await signIn(t.app, email);
    }
    expect(await t.db.selectFrom('outbox_mail').select('id').where('subject', 'in', ['Definir a sua senha do Atende', 'Seu acesso ao portal Atende']).execute()).toEqual([]);
  });
});
