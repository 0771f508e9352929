import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { startTestSmtp } from '../../test/smtp';
import type { Db } from '../../db/database';
import { enqueueMail } from './mail.outbox';
import { backoffSeconds, createMailWorker } from './mail.worker';

const log = pino({ level: 'silent' });

describe('mail outbox worker', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('sends a queued mail once, as HTML and text, with its headers', async () => {
    const smtp = await startTestSmtp();
    await enqueueMail(db, {
      to: 'someone@alfa.example',
      subject: 'Olá',
      html: '<p>Corpo</p>',
      text: 'Corpo',
      headers: { 'Message-ID': '<t1@atende>' },
    });
    const worker = createMailWorker({ db, smtpUrl: smtp.url, from: 'Atende <a@atende.example>', log });
    // Two workers draining at once must not send it twice.
    const other = createMailWorker({ db, smtpUrl: smtp.url, from: 'Atende <a@atende.example>', log });
    const sent = await Promise.all([worker.drain(), other.drain()]);
    expect(sent[0] + sent[1]).toBe(1);
    const mail = await smtp.waitFor('someone@alfa.example');
    expect(mail.subject).toBe('Olá');
    expect(mail.text?.trim()).toBe('Corpo');
    expect(mail.html).toContain('<p>Corpo</p>');
    expect(mail.messageId).toBe('<t1@atende>');
    expect(smtp.mails).toHaveLength(1);
    const row = await db.selectFrom('outbox_mail').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    await worker.stop();
    await other.stop();
    await smtp.close();
  });

  it('retries with backoff when the server refuses, and keeps the mail pending', async () => {
    const smtp = await startTestSmtp({ rejectFirst: 1 });
    await enqueueMail(db, { to: 'retry@alfa.example', subject: 'Retry', html: '<p>x</p>', text: 'x' });
    const worker = createMailWorker({ db, smtpUrl: smtp.url, from: 'a@atende.example', log });
    expect(await worker.drain()).toBe(0);
    const row = await db.selectFrom('outbox_mail').selectAll().where('to_address', '=', 'retry@alfa.example').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/try again later/);
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Once due again, it goes through.
    await db.updateTable('outbox_mail').set({ next_attempt_at: new Date(0).toISOString() }).where('id', '=', row.id).execute();
    expect(await worker.drain()).toBe(1);
    await smtp.waitFor('retry@alfa.example');
    await worker.stop();
    await smtp.close();
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(3600);
  });
});
