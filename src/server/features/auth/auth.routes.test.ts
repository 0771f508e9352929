import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieOf, request, signIn, twoAppProcesses, type TestApp } from '../../test/harness';
import { deactivatePerson } from '../people/people.service';
import { findPersonByEmail } from '../people/people.repository';

const login = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  request(t.app, { method: 'POST', url: '/api/session', payload: { email, password }, headers });

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('signs a contact in with an HttpOnly, SameSite=Lax session cookie and returns who they are', async () => {
    const res = await login(t, 'contato@alfa.example', 'atende-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'atende.session_token')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = res.json();
    expect(me).toMatchObject({ email: 'contato@alfa.example', staffRole: null, language: 'pt-BR' });
    expect(me.memberships).toEqual([
      expect.objectContaining({ companyName: 'Alfa Indústria Ltda', isPortalAdmin: false, seesAllTickets: false }),
    ]);
    const again = await request(t.app, { method: 'GET', url: '/api/me', cookie: cookieOf(res) });
    expect(again.statusCode).toBe(200);
    expect(again.json().email).toBe('contato@alfa.example');
  });

  it('refuses a cookie whose signature does not match', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const [name, value] = cookie.split('=') as [string, string];
    const token = decodeURIComponent(value).split('.')[0]!;
    const forged = `${name}=${encodeURIComponent(`${token}.AAAA${'x'.repeat(40)}=`)}`;
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: forged })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: `${name}=${token}` })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: `${name}=%E0%A4%A.x` })).statusCode).toBe(401);
  });

  it('renews a session that is a day old, extending its expiry', async () => {
    const cookie = await signIn(t.app, 'contato@beta.example');
    const person = await findPersonByEmail(t.db, 'contato@beta.example');
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await t.db.updateTable('session').set({ updated_at: old, expires_at: new Date(Date.now() + 3_600_000).toISOString() }).where('person_id', '=', person!.id).execute();
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie })).statusCode).toBe(200);
    const session = await t.db.selectFrom('session').select(['expires_at', 'updated_at']).where('person_id', '=', person!.id).executeTakeFirstOrThrow();
    expect(new Date(session.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    await t.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('person_id', '=', person!.id).execute();
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie })).statusCode).toBe(401);
  });

  it('treats the e-mail case-insensitively', async () => {
    expect((await login(t, '  ADMIN@Alfa.Example ', 'atende-demo')).statusCode).toBe(200);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const wrong = await login(t, 'admin@beta.example', 'not-the-password');
    const unknown = await login(t, 'nobody@beta.example', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json().error).toEqual({ code: 'invalid_credentials', message: 'E-mail ou senha inválidos.' });
  });

  it('renews the session at login and ends the one the browser had', async () => {
    const first = await signIn(t.app, 'analista@atende.example');
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/session',
      payload: { email: 'analista@atende.example', password: 'atende-demo' },
      cookie: first,
    });
    const second = cookieOf(res);
    expect(second).not.toBe(first);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: first })).statusCode).toBe(401);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: second })).statusCode).toBe(200);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const cookie = await signIn(t.app, 'contato@beta.example');
    const res = await request(t.app, { method: 'DELETE', url: '/api/session', cookie });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'atende.session_token')?.maxAge).toBe(0);
    const me = await request(t.app, { method: 'GET', url: '/api/me', cookie });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthorized');
  });

  it('names each invalid field, in the caller\'s language', async () => {
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/session',
      payload: { email: '' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'validation',
      message: 'Check the highlighted fields.',
      fields: { email: 'Fill in this field.', password: 'Fill in this field.' },
    });
    const es = await request(t.app, { method: 'POST', url: '/api/session', payload: 'not json', headers: { 'content-type': 'application/json', 'accept-language': 'es' } });
    expect(es.statusCode).toBe(400);
    expect(es.json().error.message).toBe('Solicitud inválida.');
  });

  it('remembers the chosen language and answers in it', async () => {
    const cookie = await signIn(t.app, 'admin@beta.example');
    const bad = await request(t.app, { method: 'PATCH', url: '/api/me', payload: { language: 'fr' }, cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ language: 'Escolha um idioma.' });
    const ok = await request(t.app, { method: 'PATCH', url: '/api/me', payload: { language: 'es' }, cookie });
    expect(ok.json().language).toBe('es');
    const again = await request(t.app, { method: 'PATCH', url: '/api/me', payload: {}, cookie });
    expect(again.json().error.message).toBe('Revise los campos destacados.');
  });

  it('ends every session of a deactivated person and refuses their sign-in like a wrong password', async () => {
    const cookie = await signIn(t.app, 'admin@alfa.example');
    const person = await findPersonByEmail(t.db, 'admin@alfa.example');
    await deactivatePerson(t.db, person!.id);
    expect((await request(t.app, { method: 'GET', url: '/api/me', cookie })).statusCode).toBe(401);
    const res = await login(t, 'admin@alfa.example', 'atende-demo');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    await t.db.updateTable('person').set({ active: true }).where('id', '=', person!.id).execute();
  });

  it('refuses the people of a deactivated company', async () => {
    await t.db.updateTable('company').set({ active: false }).where('name', '=', 'Beta Comércio S.A.').execute();
    expect((await login(t, 'contato@beta.example', 'atende-demo')).statusCode).toBe(401);
    await t.db.updateTable('company').set({ active: true }).where('name', '=', 'Beta Comércio S.A.').execute();
    expect((await login(t, 'contato@beta.example', 'atende-demo')).statusCode).toBe(200);
  });
});

describe('throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('blocks an account after 5 failures with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login(t, 'contato@alfa.example', 'wrong-password')).statusCode).toBe(401);
    const blocked = await login(t, 'contato@alfa.example', 'atende-demo');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(blocked.json().error.code).toBe('too_many_requests');
    // Another account from another address is not affected.
    expect((await login(t, 'contato@beta.example', 'atende-demo', { 'x-forwarded-for': '10.0.0.9' })).statusCode).toBe(200);
  });

  it('blocks an IP address after 30 failures across accounts', async () => {
    const t2 = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 30; i++) await login(t2, `nobody${i}@example.com`, 'wrong-password', ip);
    const blocked = await login(t2, 'admin@beta.example', 'atende-demo', ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await login(t2, 'admin@beta.example', 'atende-demo', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(200);
    await t2.close();
  });

  it('counts a burst of concurrent guesses on two app processes before checking them: the right password is refused once 5 were tried', async () => {
    const { apps, close } = await twoAppProcesses();
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong-password-${i}`), 'atende-demo'];
    const answers = await Promise.all(
      passwords.map((password, i) => request(apps[i % 2]!, { method: 'POST', url: '/api/session', payload: { email: 'admin@alfa.example', password } })),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(answers.at(-1)!.headers['retry-after'])).toBeGreaterThan(800);
    expect((await request(apps[0]!, { method: 'POST', url: '/api/session', payload: { email: 'admin@alfa.example', password: 'atende-demo' } })).statusCode).toBe(429);
    await close();
  });

  it('counts a burst of concurrent guesses from one IP address across accounts: at most 30 are checked', async () => {
    const t2 = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t2, `nobody${i}@example.com`, 'wrong-password', ip)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await login(t2, 'admin@beta.example', 'atende-demo', ip)).statusCode).toBe(429);
    await t2.close();
  });
});

describe('cookies under HTTPS', () => {
  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const t = await buildTestApp({ env: { PUBLIC_URL: 'https://suporte.example.com' } });
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/session',
      payload: { email: 'contato@alfa.example', password: 'atende-demo' },
      headers: { origin: 'https://suporte.example.com' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name.endsWith('atende.session_token'))!;
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    await t.close();
  });
});
