import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';

/** The newest set-password token mailed to an address, through the outbox. */
async function newestToken(t: TestApp, to: string) {
  const mail = await t.db.selectFrom('outbox_mail').select('text').where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return decodeURIComponent(/set-password\?token=([\w-]+)/.exec(mail.text)![1]!);
}

describe("a system administrator resends an agent's invitation", () => {
  let t: TestApp;
  let admin: string;
  let ritaId: string;
  const resend = (id: string, cookie?: string) => request(t.app, { method: 'POST', url: `/api/admin/agents/${id}/invitation`, ...(cookie ? { cookie } : {}), payload: {} });
  const setPassword = (token: string, password: string) => request(t.app, { method: 'POST', url: '/api/password/set', payload: { token, password } });
  const listed = async (id: string) =>
    (await request(t.app, { method: 'GET', url: '/api/admin/agents', cookie: admin })).json().agents.find((a: { id: string }) => a.id === id);

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signIn(t.app, 'sistema@atende.example');
    const invited = await request(t.app, { method: 'POST', url: '/api/admin/agents', cookie: admin, payload: { name: 'Rita Rede', email: 'rita@atende.example' } });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ name: 'Rita Rede', invitationPending: true });
    ritaId = invited.json().id;
  });
  afterAll(() => t.close());

  it('mails a fresh single-use link; the one sent before stops working', async () => {
    const first = await newestToken(t, 'rita@atende.example');
    const mailsBefore = await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'rita@atende.example').execute();
    const res = await resend(ritaId, admin);
    expect(res.statusCode, res.body).toBe(204);
    const mails = await t.db.selectFrom('outbox_mail').select(['id', 'subject']).where('to_address', '=', 'rita@atende.example').execute();
    expect(mails).toHaveLength(mailsBefore.length + 1);
    expect(mails.at(-1)!.subject).toBe('Seu acesso ao portal Atende');
    const fresh = await newestToken(t, 'rita@atende.example');
    expect(fresh).not.toBe(first);

    expect((await setPassword(first, 'rita-password-1')).json().error.code).toBe('invalid_token');
    expect(await listed(ritaId)).toMatchObject({ invitationPending: true });
    expect((await setPassword(fresh, 'rita-password-1')).statusCode).toBe(204);
    await signIn(t.app, 'rita@atende.example', 'rita-password-1');
    expect(await listed(ritaId)).toMatchObject({ invitationPending: false });
  });

  it('is audited like the resend of a contact', async () => {
    const { events } = (await request(t.app, { method: 'GET', url: '/api/admin/audit?action=agent', cookie: admin })).json();
    expect(events[0]).toMatchObject({ action: 'agent.reinvited', actor: 'Sílvia Sistema', targetType: 'person', targetId: ritaId, targetName: 'Rita Rede', after: { email: 'rita@atende.example' } });
  });

  it('refuses an agent who already set a password, naming the field', async () => {
    const res = await resend(ritaId, admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ invitation: 'Esta pessoa já definiu a senha.' });
    const seeded = await t.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow();
    expect((await resend(seeded.id, admin)).statusCode).toBe(400);
  });

  it('refuses a deactivated agent, naming the field, and mails nothing', async () => {
    const invited = await request(t.app, { method: 'POST', url: '/api/admin/agents', cookie: admin, payload: { name: 'Dora Desligada', email: 'dora@atende.example' } });
    const id = invited.json().id;
    expect((await request(t.app, { method: 'PATCH', url: `/api/admin/agents/${id}`, cookie: admin, payload: { active: false } })).statusCode).toBe(200);
    const mails = async () => (await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'dora@atende.example').execute()).length;
    const sent = await mails();
    const res = await resend(id, admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ invitation: 'Esta pessoa está desativada. Reative-a antes de reenviar o convite.' });
    expect(await mails()).toBe(sent);
  });

  it('answers 404 for an unknown agent, and for a person who is not staff', async () => {
    expect((await resend('no-such-person', admin)).statusCode).toBe(404);
    const contact = await t.db.selectFrom('person').select('id').where('email', '=', 'contato@alfa.example').executeTakeFirstOrThrow();
    expect((await resend(contact.id, admin)).statusCode).toBe(404);
  });

  it('is for system administrators only', async () => {
    const again = await request(t.app, { method: 'POST', url: '/api/admin/agents', cookie: admin, payload: { name: 'Otto Ocupado', email: 'otto@atende.example' } });
    const mails = async () => (await t.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'otto@atende.example').execute()).length;
    const sent = await mails();
    expect((await resend(again.json().id)).statusCode).toBe(401);
    for (const email of ['analista@atende.example', 'admin@alfa.example', 'contato@alfa.example']) {
      expect((await resend(again.json().id, await signIn(t.app, email))).statusCode, email).toBe(403);
    }
    expect(await mails()).toBe(sent);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request(t.app, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/admin/agents/{id}/invitation'].post.responses)).toEqual(expect.arrayContaining(['204', '400', '401', '403', '404']));
  });
});
