import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, testOrigin, type TestApp } from './test/harness';

describe('the HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    expect((await request(t.app, { method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await request(t.app, { method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await request(t.app, { method: 'GET', url: '/healthz' });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('refuses cookie-authenticated writes from another origin or without one', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const foreign = await request(t.app, {
      method: 'PATCH',
      url: '/api/me',
      payload: { language: 'en' },
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('csrf');
    const none = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { language: 'en' }, headers: { cookie } });
    expect(none.statusCode).toBe(403);
    const own = await request(t.app, { method: 'PATCH', url: '/api/me', payload: { language: 'en' }, cookie, headers: { origin: testOrigin } });
    expect(own.statusCode).toBe(200);
  });

  it('limits the body size with a 413 in the error shape', async () => {
    const res = await request(t.app, {
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await request(t.app, { method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Não encontrado.' } });
  });

  it('publishes an OpenAPI 3.1 document of every route the web app uses, and its browser', async () => {
    const doc = (await request(t.app, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/session', '/api/me', '/api/password/forgot', '/api/password/set', '/api/setup', '/api/channels', '/api/dev/mailbox']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/api/session'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    // Opening and consulting tickets: the form's catalog, the opening, the list and one ticket.
    expect(doc.paths['/api/service-lines/{id}/form']).toHaveProperty('get');
    expect(doc.paths['/api/tickets'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['serviceLineId', 'categoryId', 'originId', 'effectId', 'moduleId', 'routineId', 'summary', 'incident']),
    );
    expect(doc.paths['/api/tickets'].post.responses).toHaveProperty(['201']);
    expect(doc.paths['/api/tickets'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'status', 'cursor', 'sort']));
    expect(doc.paths['/api/tickets/{number}'].get.responses).toHaveProperty(['404']);
    const docs = await request(t.app, { method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('keeps the development mailbox closed outside demo mode', async () => {
    expect((await request(t.app, { method: 'GET', url: '/api/dev/mailbox' })).statusCode).toBe(404);
  });
});

describe('channels and entitlements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const channelsOf = async (email: string, language = 'pt-BR') => {
    const cookie = await signIn(t.app, email);
    const res = await request(t.app, { method: 'GET', url: '/api/channels', cookie, headers: { 'accept-language': language } });
    expect(res.statusCode).toBe(200);
    return res.json().channels as { key: string; name: string; serviceLines: { code: string }[] }[];
  };

  it('lists the three channels of the guide, in order, in the person\'s language', async () => {
    const channels = await channelsOf('contato@alfa.example');
    expect(channels.map((c) => c.name)).toEqual(['Software', 'Relacionamento', 'Serviço de Valor Agregado']);
  });

  it('shows a company only the service lines it is entitled to', async () => {
    const alfa = await channelsOf('contato@alfa.example');
    expect(alfa.map((c) => c.serviceLines.map((l) => l.code))).toEqual([['RM', 'PROTHEUS'], ['CST', 'OUVIDORIA'], ['CLOUD']]);
    const beta = await channelsOf('admin@beta.example');
    expect(beta.map((c) => c.serviceLines.map((l) => l.code))).toEqual([['DATASUL'], ['CST', 'OUVIDORIA'], []]);
  });

  it('shows agents every service line', async () => {
    const agent = await channelsOf('analista@atende.example');
    expect(agent.flatMap((c) => c.serviceLines.map((l) => l.code))).toEqual([
      'RM', 'PROTHEUS', 'DATASUL', 'LOGIX', 'CST', 'OUVIDORIA', 'CLOUD', 'DATACENTER',
    ]);
  });

  it('needs a session', async () => {
    const res = await request(t.app, { method: 'GET', url: '/api/channels' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });
});

describe('demo data', () => {
  it('seeds idempotently', async () => {
    const t = await buildTestApp();
    const { seedDemo } = await import('./demo/demo.seed');
    const count = async () =>
      Promise.all(
        (['person', 'company', 'membership', 'service_line', 'module', 'routine', 'effect', 'entitlement', 'agent_group'] as const).map(
          async (table) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        ),
      );
    const before = await count();
    await seedDemo(t.db);
    expect(await count()).toEqual(before);
    expect(before[0]).toBe(6);
    await t.close();
  });
});
