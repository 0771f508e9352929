import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { enqueueMail } from './mail.outbox';
import { createMailWorker } from './mail.worker';

describe('failed mails in the mail settings', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: string;
  beforeAll(async () => {
    smtp = await startTestSmtp({ rejectFirst: 1, rejectCode: 550 });
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await signIn(t.app, 'sistema@atende.example');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const settings = async () => (await request(t.app, { method: 'GET', url: '/api/admin/mail', cookie: admin })).json();
  const resend = (id: number) => request(t.app, { method: 'POST', url: `/api/admin/mail/${id}/resend`, cookie: admin });

  it('lists each mail the server refused for good, with its recipient, subject, answer and time, and sends it again on request', async () => {
    await enqueueMail(t.db, { to: 'gone@alfa.example', subject: '[#7] Folha', html: '<p>x</p>', text: 'x' });
    const worker = createMailWorker({ db: t.db, smtpUrl: smtp.url, from: 'a@atende.example', log: pino({ level: 'silent' }) });
    await worker.drain();
    const before = await settings();
    expect(before.outbox.failed).toBe(1);
    expect(before.failedMails).toEqual([{ id: expect.any(Number), to: 'gone@alfa.example', subject: '[#7] Folha', error: expect.stringContaining('550'), at: expect.any(String) }]);
    expect(Date.parse(before.failedMails[0].at)).toBeGreaterThan(Date.now() - 60_000);

    const { id } = before.failedMails[0];
    const again = await resend(id);
    expect(again.statusCode, again.body).toBe(204);
    const after = await settings();
    expect(after.failedMails).toEqual([]);
    expect(after.outbox).toMatchObject({ failed: 0, pending: 1 });
    // Queued again from scratch, and audited.
    expect(await t.db.selectFrom('outbox_mail').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'pending', attempts: 0 });
    const audit = await t.db.selectFrom('audit_event').select(['action', 'target_id']).where('action', '=', 'mail.resend').execute();
    expect(audit).toEqual([{ action: 'mail.resend', target_id: 'gone@alfa.example' }]);

    // The server takes it this time.
    expect(await worker.drain()).toBe(1);
    await smtp.waitFor('gone@alfa.example');
    await worker.stop();

    // Only a failed mail is sent again: once sent it is a 409, and an unknown one a 404.
    expect((await resend(id)).statusCode).toBe(409);
    expect((await resend(999_999)).statusCode).toBe(404);
  });
});
