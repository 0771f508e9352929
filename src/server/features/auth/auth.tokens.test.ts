import { createHash } from 'node:crypto';
import { makeSignature } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieOf, request, signIn, type TestApp } from '../../test/harness';
import { authSecret } from '../settings/settings.service';
import { issueSetupLink } from './auth.setup';

/** better-auth's own hashing of a verification identifier (verification-token-storage.mjs). */
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The token of the newest link of this path mailed to `to`. */
async function mailedToken(t: TestApp, to: string, path: string): Promise<string> {
  const mail = await t.db.selectFrom('outbox_mail').select('text').where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const match = new RegExp(`/${path}\\?token=([\\w-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}

/** Every text stored in the tables that hold tokens, to look for a token in. */
async function storedTexts(t: TestApp): Promise<string> {
  const rows = await Promise.all([
    t.db.selectFrom('verification').selectAll().execute(),
    t.db.selectFrom('session').selectAll().execute(),
    t.db.selectFrom('email_change').selectAll().execute(),
  ]);
  return JSON.stringify(rows);
}

const forgot = (t: TestApp, email: string) => request(t.app, { method: 'POST', url: '/api/password/forgot', payload: { email } });
const setPassword = (t: TestApp, token: string, password: string, headers: Record<string, string> = {}) =>
  request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password }, headers });

describe('tokens are stored hashed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('keeps reset and invitation tokens only as the SHA-256 of a 256-bit random value, as better-auth hashes them', async () => {
    await forgot(t, 'contato@alfa.example');
    const reset = await mailedToken(t, 'contato@alfa.example', 'set-password');
    expect(Buffer.from(reset, 'base64url')).toHaveLength(32);
    const admin = await signIn(t.app, 'admin@alfa.example');
    const created = await request(t.app, { method: 'POST', url: '/api/companies/1/people', cookie: admin, payload: { name: 'Hugo Hash', email: 'hugo@alfa.example' } });
    expect(created.statusCode, created.body).toBe(201);
    const invitation = await mailedToken(t, 'hugo@alfa.example', 'set-password');
    expect(Buffer.from(invitation, 'base64url')).toHaveLength(32);

    const identifiers = (await t.db.selectFrom('verification').select('identifier').execute()).map((r) => r.identifier);
    expect(identifiers).toEqual(expect.arrayContaining([sha256(`reset-password:${reset}`), sha256(`reset-password:${invitation}`)]));
    const stored = await storedTexts(t);
    expect(stored).not.toContain(reset);
    expect(stored).not.toContain(invitation);
    // And better-auth finds them so: each sets the password once.
    expect((await setPassword(t, invitation, 'hugo-password-1')).statusCode).toBe(204);
    expect((await setPassword(t, invitation, 'hugo-password-2')).statusCode).toBe(400);
  });

  it('keeps e-mail change and undo tokens hashed, each of 256 bits', async () => {
    const admin = await signIn(t.app, 'admin@beta.example');
    const person = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    const res = await request(t.app, { method: 'PATCH', url: `/api/companies/2/people/${person.id}`, cookie: admin, payload: { email: 'beatriz.hash@beta.example' } });
    expect(res.statusCode, res.body).toBe(200);
    const confirm = await mailedToken(t, 'beatriz.hash@beta.example', 'confirm-email');
    const undo = await mailedToken(t, 'contato@beta.example', 'undo-email');
    for (const token of [confirm, undo]) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await storedTexts(t);
    expect(stored).not.toContain(confirm);
    expect(stored).not.toContain(undo);
  });

  it('keeps the setup token hashed', async () => {
    const fresh = await buildTestApp({ seed: false });
    const token = new URL((await issueSetupLink(fresh.db, fresh.config))!).searchParams.get('token')!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await fresh.db.selectFrom('verification').select(['identifier', 'value']).execute();
    expect(rows).toEqual([{ identifier: sha256(`setup:${token}`), value: 'first-admin' }]);
    const payload = { token, name: 'Primeira Admin', email: 'root@vendor.example', password: 'first-admin-pass' };
    expect((await request(fresh.app, { method: 'POST', url: '/api/setup', payload })).statusCode).toBe(201);
    await fresh.close();
  });

  it('voids the older reset links when a new one is issued', async () => {
    await forgot(t, 'admin@beta.example');
    const first = await mailedToken(t, 'admin@beta.example', 'set-password');
    await forgot(t, 'admin@beta.example');
    const second = await mailedToken(t, 'admin@beta.example', 'set-password');
    expect(second).not.toBe(first);
    const old = await setPassword(t, first, 'bruno-password-1');
    expect(old.statusCode).toBe(400);
    expect(old.json().error.code).toBe('invalid_token');
    expect((await setPassword(t, second, 'bruno-password-1')).statusCode).toBe(204);
  });
});

describe('"your password was changed"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  const changedMails = (to: string) =>
    t.db.selectFrom('outbox_mail').select(['subject', 'text', 'html']).where('to_address', '=', to).where('subject', '=', 'A senha da sua conta no Atende foi alterada').execute();

  it('is mailed after a reset, with the time, the IP and how to get help', async () => {
    await forgot(t, 'contato@alfa.example');
    const token = await mailedToken(t, 'contato@alfa.example', 'set-password');
    expect(await changedMails('contato@alfa.example')).toHaveLength(0);
    expect((await setPassword(t, token, 'carlos-password-1', { 'x-forwarded-for': '203.0.113.45' })).statusCode).toBe(204);
    const [mail] = await changedMails('contato@alfa.example');
    expect(mail!.text).toContain('203.0.113.45');
    // The time, in UTC, as the recipient's language writes dates.
    expect(mail!.text).toMatch(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}( UTC)?/);
    expect(mail!.text).toContain('http://localhost:3000/forgot-password');
    expect(mail!.text).toContain('http://localhost:3000/help');
  });

  it('is mailed after a change of password, in the person\'s language', async () => {
    await t.db.updateTable('person').set({ language: 'en' }).where('email', '=', 'contato@beta.example').execute();
    const cookie = await signIn(t.app, 'contato@beta.example');
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/password/change',
      cookie,
      payload: { currentPassword: 'atende-demo', newPassword: 'beatriz-password-1' },
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(res.statusCode).toBe(204);
    const mail = await t.db.selectFrom('outbox_mail').select(['subject', 'text']).where('to_address', '=', 'contato@beta.example').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Your Atende password was changed');
    expect(mail.text).toContain('198.51.100.77');
  });

  it('is mailed when an invited person sets their password', async () => {
    const admin = await signIn(t.app, 'admin@alfa.example');
    await request(t.app, { method: 'POST', url: '/api/companies/1/people', cookie: admin, payload: { name: 'Iris Inicial', email: 'iris@alfa.example' } });
    const token = await mailedToken(t, 'iris@alfa.example', 'set-password');
    expect((await setPassword(t, token, 'iris-password-1', { 'x-forwarded-for': '192.0.2.10' })).statusCode).toBe(204);
    const [mail] = await changedMails('iris@alfa.example');
    expect(mail!.text).toContain('192.0.2.10');
  });

  it('is not mailed when the password is not changed', async () => {
    const before = await t.db.selectFrom('outbox_mail').select('id').execute();
    expect((await setPassword(t, 'not-a-token', 'whatever-password-1')).statusCode).toBe(400);
    const cookie = await signIn(t.app, 'admin@beta.example');
    await request(t.app, { method: 'POST', url: '/api/password/change', cookie, payload: { currentPassword: 'wrong', newPassword: 'whatever-password-1' } });
    expect(await t.db.selectFrom('outbox_mail').select('id').execute()).toHaveLength(before.length);
  });
});

describe('session tokens', () => {
  let t: TestApp;
  let secret: string;
  /** A cookie for this token, signed with the application's own secret, as better-auth signs it. */
  const signedCookie = async (token: string) => `atende.session_token=${encodeURIComponent(`${token}.${await makeSignature(token, secret)}`)}`;
  const me = (cookie: string) => request(t.app, { method: 'GET', url: '/api/me', cookie });
  const sessionsOf = async (email: string) =>
    t.db.selectFrom('session').innerJoin('person', 'person.id', 'session.person_id').select(['session.id', 'session.token']).where('person.email', '=', email).execute();

  beforeAll(async () => {
    t = await buildTestApp();
    secret = await authSecret(t.db, t.config.authSecret);
  });
  afterAll(() => t.close());

  it('a token copied from the session table does not sign in, even in a correctly signed cookie', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const plain = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
    // The signing is right: the browser's own token in a cookie made here works.
    expect((await me(await signedCookie(plain))).statusCode).toBe(200);
    const [row] = await sessionsOf('contato@alfa.example');
    expect(row!.token).not.toBe(plain);
    expect(row!.token).toBe(sha256(plain));
    const stolen = await signedCookie(row!.token);
    expect((await me(stolen)).statusCode).toBe(401);
    // Nor through better-auth's own reading of the cookie.
    expect(await t.app.ctx.auth.api.getSession({ headers: new Headers({ cookie: stolen }) })).toBeNull();
    expect(await t.app.ctx.auth.api.getSession({ headers: new Headers({ cookie }) })).toMatchObject({ user: { email: 'contato@alfa.example' } });
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const cookie = await signIn(t.app, 'contato@beta.example');
    expect(await sessionsOf('contato@beta.example')).toHaveLength(1);
    expect((await request(t.app, { method: 'DELETE', url: '/api/session', cookie })).statusCode).toBe(204);
    expect(await sessionsOf('contato@beta.example')).toHaveLength(0);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('renews a day-old session through better-auth, which finds and extends it by the hashed token', async () => {
    const cookie = await signIn(t.app, 'admin@beta.example');
    const [row] = await sessionsOf('admin@beta.example');
    await t.db.updateTable('session').set({ updated_at: new Date(Date.now() - 2 * 86_400_000).toISOString(), expires_at: new Date(Date.now() + 3_600_000).toISOString() }).where('id', '=', row!.id).execute();
    expect((await me(cookie)).statusCode).toBe(200);
    const renewed = await t.db.selectFrom('session').select(['token', 'expires_at']).where('id', '=', row!.id).executeTakeFirstOrThrow();
    expect(new Date(renewed.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(renewed.token).toBe(row!.token);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("revokes a person's other sessions through better-auth, keeping the current one", async () => {
    const other = await signIn(t.app, 'analista@atende.example');
    const mine = await signIn(t.app, 'analista@atende.example');
    await t.app.ctx.auth.api.revokeOtherSessions({ headers: new Headers({ cookie: mine }) });
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
    expect(await sessionsOf('analista@atende.example')).toHaveLength(1);
  });

  it('a change of password ends the other sessions and renews this one; a reset ends them all', async () => {
    const other = await signIn(t.app, 'admin@alfa.example');
    const mine = await signIn(t.app, 'admin@alfa.example');
    const changed = await request(t.app, { method: 'POST', url: '/api/password/change', cookie: mine, payload: { currentPassword: 'atende-demo', newPassword: 'ana-password-1' } });
    expect(changed.statusCode).toBe(204);
    const renewed = cookieOf(changed);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(renewed)).statusCode).toBe(200);
    const [row] = await sessionsOf('admin@alfa.example');
    expect(row!.token).toBe(sha256(decodeURIComponent(renewed.split('=')[1]!).split('.')[0]!));

    await forgot(t, 'admin@alfa.example');
    const token = await mailedToken(t, 'admin@alfa.example', 'set-password');
    expect((await setPassword(t, token, 'ana-password-2')).statusCode).toBe(204);
    expect((await me(renewed)).statusCode).toBe(401);
    expect(await sessionsOf('admin@alfa.example')).toHaveLength(0);
    await signIn(t.app, 'admin@alfa.example', 'ana-password-2');
  });
});
