import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoForm } from '../test/catalog-ids';
import { buildTestApp, cookieOf, demoRoles, request, signIn, type TestApp } from '../test/harness';

describe('guards that look at the path', () => {
  let t: TestApp;
  let contact: string;
  beforeAll(async () => {
    t = await buildTestApp();
    contact = await signIn(t.app, demoRoles.contact);
  });
  afterAll(() => t.close());

  it('meet an encoded path as the router decodes it: /api/%61dmin/… is administration too', async () => {
    const plain = await request(t.app, { method: 'GET', url: '/api/admin/companies', cookie: contact });
    const encoded = await request(t.app, { method: 'GET', url: '/api/%61dmin/companies', cookie: contact });
    expect(plain.statusCode).toBe(403);
    expect(encoded.statusCode).toBe(403);
    // A write with no session and no valid body: the administration guard answers before validation.
    expect((await request(t.app, { method: 'POST', url: '/api/%61dmin/companies', payload: {} })).statusCode).toBe(401);
  });

  it('refuse a cross-site write to /%61pi/… as to /api/…', async () => {
    for (const url of ['/api/session', '/%61pi/session', '/%61%70%69/session']) {
      const res = await request(t.app, { method: 'POST', url, payload: { email: demoRoles.contact, password: 'atende-demo' }, headers: { origin: 'https://evil.example' } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('csrf');
    }
  });

  it('read the session of a request to an encoded API path', async () => {
    const res = await request(t.app, { method: 'GET', url: '/%61pi/me', cookie: contact });
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe(demoRoles.contact);
  });
});

describe('API answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('are never cached: Cache-Control no-store on every answer, errors included', async () => {
    const contact = await signIn(t.app, demoRoles.contact);
    for (const [url, cookie] of [
      ['/api/me', contact],
      ['/api/tickets', contact],
      ['/api/help', undefined],
      ['/api/me', undefined],
      ['/api/does-not-exist', contact],
      ['/api/openapi.json', undefined],
    ] as const) {
      const res = await request(t.app, { method: 'GET', url, cookie });
      expect(res.headers['cache-control'], url).toMatch(/(^|, )no-store($|,)/);
    }
  });
});

describe('the session cookie under HTTPS', () => {
  it('is __Host- prefixed (Secure, Path=/, no Domain), and only that name is read', async () => {
    const t = await buildTestApp({ env: { PUBLIC_URL: 'https://suporte.example.com' } });
    try {
      const origin = { origin: 'https://suporte.example.com' };
      const res = await request(t.app, { method: 'POST', url: '/api/session', payload: { email: demoRoles.contact, password: 'atende-demo' }, headers: origin });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name.endsWith('atende.session_token'))!;
      expect(cookie.name).toBe('__Host-atende.session_token');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
      expect(cookie.domain).toBeUndefined();
      expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: cookieOf(res) })).statusCode).toBe(200);
      // The same value under a name a sibling host could have set is no session.
      const tossed = `atende.session_token=${cookie.value}; __Secure-atende.session_token=${cookie.value}`;
      expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: tossed })).statusCode).toBe(401);
      const out = await request(t.app, { method: 'DELETE', url: '/api/session', cookie: cookieOf(res), headers: origin });
      expect(out.statusCode).toBe(204);
      expect((await request(t.app, { method: 'GET', url: '/api/me', cookie: cookieOf(res) })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('security events', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOG_LEVEL: 'info', OPENINGS_PER_MINUTE: '1' }, logStream: { write: (line) => lines.push(JSON.parse(line)) } });
  });
  afterAll(() => t.close());

  /** The warnings logged for the requests made inside `act`. */
  async function warningsOf(act: () => Promise<unknown>) {
    const from = lines.length;
    await act();
    return lines.slice(from).filter((l) => l.level === 40 && l.msg === 'security event');
  }

  it('log a failed sign-in at warn, naming the account and the request, never the password', async () => {
    const [event, ...rest] = await warningsOf(() => request(t.app, { method: 'POST', url: '/api/session', payload: { email: demoRoles.contact, password: 'wrong-password-123' } }));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ event: 'invalid_credentials', account: demoRoles.contact, status: 401 });
    expect(event!.reqId).toEqual(expect.any(String));
    expect(JSON.stringify(event)).not.toContain('wrong-password-123');
  });

  it('log a 403, a CSRF refusal and a 429 with the person and their companies', async () => {
    const contact = await signIn(t.app, demoRoles.contact);
    const person = await t.db.selectFrom('person').select('id').where('email', '=', demoRoles.contact).executeTakeFirstOrThrow();
    const alfa = await t.db.selectFrom('company').select('id').where('name', 'like', 'Alfa%').executeTakeFirstOrThrow();
    const who = { personId: person.id, companyIds: [alfa.id] };

    const forbidden = await warningsOf(() => request(t.app, { method: 'GET', url: '/api/admin/companies', cookie: contact }));
    expect(forbidden).toEqual([expect.objectContaining({ event: 'forbidden', status: 403, ...who })]);

    const csrf = await warningsOf(() => request(t.app, { method: 'PATCH', url: '/api/me', cookie: contact, payload: { language: 'en' }, headers: { origin: 'https://evil.example' } }));
    expect(csrf).toEqual([expect.objectContaining({ event: 'csrf', status: 403, ...who })]);

    const form = (await demoForm(t.db, 'RM')).fields;
    const open = () => request(t.app, { method: 'POST', url: '/api/tickets', cookie: contact, payload: form });
    expect((await open()).statusCode).toBe(201);
    const limited = await warningsOf(open);
    expect(limited).toEqual([expect.objectContaining({ event: 'too_many_requests', status: 429, ...who })]);
    expect(JSON.stringify(limited)).not.toContain(contact.split('=')[1]!.slice(0, 16));
  });

  it("log a 404 for another company's ticket, but not for a ticket that does not exist", async () => {
    const contact = await signIn(t.app, demoRoles.contact);
    const number = (await t.db.selectFrom('ticket').select('number').executeTakeFirstOrThrow()).number;
    const beta = await signIn(t.app, 'contato@beta.example');
    const foreign = await warningsOf(() => request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: beta }));
    expect(foreign).toEqual([expect.objectContaining({ event: 'foreign_object', status: 404 })]);
    const missing = await warningsOf(() => request(t.app, { method: 'GET', url: '/api/tickets/999999', cookie: beta }));
    expect(missing).toEqual([]);
    // Nor for the owner.
    expect(await warningsOf(() => request(t.app, { method: 'GET', url: `/api/tickets/${number}`, cookie: contact }))).toEqual([]);
  });
});
