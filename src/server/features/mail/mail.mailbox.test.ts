import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { buildTestApp, demoRoles, request, signIn, type TestApp } from '../../test/harness';

/** A visitor's request, from `remoteAddress` (inject's default is 127.0.0.1), with a session when given. */
const mailbox = (t: TestApp, options: { cookie?: string; remoteAddress?: string } = {}) =>
  request(t.app, { method: 'GET', url: '/api/dev/mailbox', ...options });
const access = async (t: TestApp, options: { cookie?: string; remoteAddress?: string } = {}) =>
  (await request(t.app, { method: 'GET', url: '/api/dev/mailbox/access', ...options })).json().open as boolean;
const linkedInMe = async (t: TestApp, cookie: string, remoteAddress?: string) =>
  (await request(t.app, { method: 'GET', url: '/api/me', cookie, remoteAddress })).json().devMailbox as boolean;

describe('the development mailbox of a demo without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    // A reset link in the outbox: what the mailbox would hand out.
    await request(t.app, { method: 'POST', url: '/api/password/forgot', payload: { email: demoRoles.contact } });
  });
  afterAll(() => t.close());

  it('opens to a visitor not signed in on this machine (IPv4 and IPv6 loopback)', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await mailbox(t, { remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
      expect(res.json().mails.some((m: { to: string }) => m.to === demoRoles.contact)).toBe(true);
      expect(await access(t, { remoteAddress })).toBe(true);
    }
  });

  it('is a 404 to a visitor not signed in from another machine', async () => {
    for (const remoteAddress of ['203.0.113.9', '10.0.0.7', '::ffff:192.168.0.4']) {
      expect((await mailbox(t, { remoteAddress })).statusCode, remoteAddress).toBe(404);
      expect(await access(t, { remoteAddress })).toBe(false);
    }
  });

  it('believes no forwarded address: X-Forwarded-For naming loopback opens nothing from elsewhere', async () => {
    const res = await request(t.app, { method: 'GET', url: '/api/dev/mailbox', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(res.statusCode).toBe(404);
  });

  it('opens to the signed-in system administrator from anywhere, and says so in /api/me', async () => {
    const cookie = await signIn(t.app, demoRoles.admin);
    expect((await mailbox(t, { cookie, remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
    expect(await linkedInMe(t, cookie, '203.0.113.9')).toBe(true);
  });

  it('is a 404 to anyone else signed in, even on this machine, and /api/me does not link it', async () => {
    for (const email of [demoRoles.agent, demoRoles.portalAdmin, demoRoles.contact]) {
      const cookie = await signIn(t.app, email);
      expect((await mailbox(t, { cookie })).statusCode, email).toBe(404);
      expect(await access(t, { cookie })).toBe(false);
      expect(await linkedInMe(t, cookie), email).toBe(false);
    }
  });
});

describe('the development mailbox closed', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['in a demo with SMTP_URL set (its mails really leave)', { SMTP_URL: 'smtp://127.0.0.1:2' }, true],
    ['in a demo behind a trusted proxy (every visitor would look local)', { TRUST_PROXY: 'true' }, true],
    ['outside demo mode', {}, false],
  ];
  for (const [name, env, demo] of cases) {
    it(`${name}: a 404 for a local visitor${env.TRUST_PROXY ? '' : ' and for the system administrator'}`, async () => {
      const t = await buildTestApp({ demo, env });
      try {
        expect((await mailbox(t)).statusCode).toBe(404);
        expect(await access(t)).toBe(false);
        const cookie = await signIn(t.app, demoRoles.admin);
        // Behind a trusted proxy the administrator still reads it (a session is no address); with SMTP or outside a demo, nobody.
        const adminReads = Boolean(env.TRUST_PROXY);
        expect((await mailbox(t, { cookie })).statusCode).toBe(adminReads ? 200 : 404);
        expect(await linkedInMe(t, cookie)).toBe(adminReads);
      } finally {
        await t.close();
      }
    });
  }
});

describe('where the demo listens', () => {
  it('is this machine only unless HOST says otherwise; outside the demo every address', () => {
    expect(loadConfig({}, true).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, true).host).toBe('0.0.0.0');
    expect(loadConfig({}, false).host).toBe('0.0.0.0');
    expect(loadConfig({}, true).publicUrl).toBe('http://localhost:3000');
  });
});
