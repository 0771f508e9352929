import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { issueSetupLink } from './auth.setup';
import { hashToken } from './auth.tokens';

/** The token of the newest mail's set-password link to `to`. */
async function linkTokenMailedTo(t: TestApp, to: string): Promise<string> {
  const mail = await t.db
    .selectFrom('outbox_mail')
    .select(['text', 'html', 'subject'])
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = /\/set-password\?token=([\w-]+)/.exec(mail.text);
  expect(mail.html).toContain(match![0]);
  return decodeURIComponent(match![1]!);
}

const forgot = (t: TestApp, email: string) => request(t.app, { method: 'POST', url: '/api/password/forgot', payload: { email } });
const setPassword = (t: TestApp, token: string, password: string) =>
  request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password } });

describe('password reset by e-mail', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => void logs.push(line) } });
  });
  afterAll(() => t.close());

  it('mails a single-use link that sets the password and ends every session', async () => {
    const oldSession = await signIn(t.app, 'contato@alfa.example');
    const res = await forgot(t, 'Contato@Alfa.example');
    expect(res.statusCode).toBe(202);
    const token = await linkTokenMailedTo(t, 'contato@alfa.example');

    expect((await setPassword(t, token, 'a-new-secret-1')).statusCode).toBe(204);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: oldSession })).statusCode).toBe(401);
    await signIn(t.app, 'contato@alfa.example', 'a-new-secret-1');
    expect((await request(t.app, { method: 'POST', url: '/api/session', payload: { email: 'contato@alfa.example', password: 'atende-demo' } })).statusCode).toBe(401);

    const reused = await setPassword(t, token, 'another-secret-2');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invalid_token');
  });

  it('writes the mail in the recipient\'s language', async () => {
    await t.db.updateTable('person').set({ language: 'en' }).where('email', '=', 'contato@beta.example').execute();
    await forgot(t, 'contato@beta.example');
    const mail = await t.db.selectFrom('outbox_mail').select('subject').where('to_address', '=', 'contato@beta.example').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Set your Atende password');
  });

  it('refuses an expired link', async () => {
    await forgot(t, 'admin@beta.example');
    const token = await linkTokenMailedTo(t, 'admin@beta.example');
    await t.db.updateTable('verification').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('identifier', '=', hashToken(`reset-password:${token}`)).execute();
    const res = await setPassword(t, token, 'a-new-secret-1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = await t.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const unknown = await forgot(t, 'nobody@nowhere.example');
    const known = await forgot(t, 'admin@alfa.example');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const after = await t.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('validates the new password, naming the field', async () => {
    const res = await setPassword(t, 'whatever', 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ password: 'A senha precisa ter ao menos 10 caracteres.' });
  });

  it('never writes a password, token or cookie to the log', async () => {
    await forgot(t, 'admin@alfa.example');
    const token = await linkTokenMailedTo(t, 'admin@alfa.example');
    await request(t.app, { method: 'GET', url: `/api/nothing?token=${token}` });
    await setPassword(t, token, 'log-secret-password-9');
    const cookie = await signIn(t.app, 'admin@alfa.example', 'log-secret-password-9');
    await request(t.app, { method: 'GET', url: '/api/me', cookie });
    const all = logs.join('\n');
    expect(all).toContain('/api/nothing?token=[redacted]');
    expect(all).not.toContain(token);
    expect(all).not.toContain('log-secret-password-9');
    expect(all).not.toContain(cookie.split('=')[1]!.slice(0, 20));
  });

  it('throttles requests for reset links per address, from any IP, with the same answer for an unknown one', async () => {
    const t2 = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    for (const email of ['contato@alfa.example', 'ninguem@nada.example']) {
      const ask = (i: number) => request(t2.app, { method: 'POST', url: '/api/password/forgot', payload: { email }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      for (let i = 0; i < 3; i++) expect((await ask(i)).statusCode).toBe(202);
      const refused = await ask(9);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    }
    const mails = await t2.db.selectFrom('outbox_mail').select('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual(['contato@alfa.example', 'contato@alfa.example', 'contato@alfa.example']);
    // Another address is not held back.
    expect((await request(t2.app, { method: 'POST', url: '/api/password/forgot', payload: { email: 'admin@alfa.example' }, headers: { 'x-forwarded-for': '203.0.113.50' } })).statusCode).toBe(202);
    await t2.close();
  });

  it('throttles requests for reset links per IP', async () => {
    const t2 = await buildTestApp({ seed: false });
    let last;
    for (let i = 0; i < 11; i++) last = await forgot(t2, `x${i}@example.com`);
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['retry-after']).toBeDefined();
    await t2.close();
  });
});

describe('first run: the first system administrator', () => {
  it('creates the administrator once with the printed one-time link', async () => {
    const t = await buildTestApp({ seed: false });
    const link = await issueSetupLink(t.db, t.config);
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\?token=/);
    const token = new URL(link!).searchParams.get('token')!;
    const payload = { token, name: 'Primeira Admin', email: 'Root@Vendor.example', password: 'first-admin-pass' };

    const bad = await request(t.app, { method: 'POST', url: '/api/setup', payload: { ...payload, email: 'nope' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ email: 'Informe um e-mail válido.' });

    expect((await request(t.app, { method: 'POST', url: '/api/setup', payload })).statusCode).toBe(201);
    const cookie = await signIn(t.app, 'root@vendor.example', 'first-admin-pass');
    const me = await request(t.app, { method: 'GET', url: '/api/me', cookie });
    expect(me.json()).toMatchObject({ staffRole: 'admin', name: 'Primeira Admin' });

    const again = await request(t.app, { method: 'POST', url: '/api/setup', payload: { ...payload, email: 'other@vendor.example' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    expect(await issueSetupLink(t.db, t.config)).toBeUndefined();
    await t.close();
  });

  it('refuses an expired setup link', async () => {
    const t = await buildTestApp({ seed: false });
    const token = new URL((await issueSetupLink(t.db, t.config))!).searchParams.get('token')!;
    await t.db.updateTable('verification').set({ expires_at: new Date(Date.now() - 1).toISOString() }).execute();
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/setup',
      payload: { token, name: 'X', email: 'x@vendor.example', password: 'first-admin-pass' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
    expect(await t.db.selectFrom('person').select('id').execute()).toHaveLength(0);
    await t.close();
  });
});

describe('changing my password', () => {
  it('checks the current password, ends every other session and renews mine', async () => {
    const t = await buildTestApp();
    const other = await signIn(t.app, 'contato@alfa.example');
    const mine = await signIn(t.app, 'contato@alfa.example');
    const wrong = await request(t.app, { method: 'POST', url: '/api/password/change', cookie: mine, payload: { currentPassword: 'nope', newPassword: 'a-brand-new-pass' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: 'A senha atual não confere.' });
    const res = await request(t.app, { method: 'POST', url: '/api/password/change', cookie: mine, payload: { currentPassword: 'atende-demo', newPassword: 'a-brand-new-pass' } });
    expect(res.statusCode).toBe(204);
    const renewed = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: other })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: mine })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: renewed })).statusCode).toBe(200);
    await signIn(t.app, 'contato@alfa.example', 'a-brand-new-pass');
    await t.close();
  });
});
