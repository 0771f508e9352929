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

  it('gives up at once on a permanent refusal (5xx): failed after one attempt, with the server’s answer', async () => {
    const smtp = await startTestSmtp({ rejectFirst: 1, rejectCode: 550 });
    await enqueueMail(db, { to: 'nobody@alfa.example', subject: 'Recusado', html: '<p>x</p>', text: 'x' });
    const worker = createMailWorker({ db, smtpUrl: smtp.url, from: 'a@atende.example', log });
    expect(await worker.drain()).toBe(0);
    const row = await db.selectFrom('outbox_mail').selectAll().where('to_address', '=', 'nobody@alfa.example').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, locked_until: null });
    expect(row.last_error).toMatch(/550/);
    expect(row.failed_at).not.toBeNull();
    // Nothing left to try.
    expect(await worker.drain()).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    await worker.stop();
    await smtp.close();
  });

  it('sends a mail once when the server answers after the claim would have run out: the claim is renewed while sending', async () => {
    const smtp = await startTestSmtp({ answerDelayMs: 1500 });
    await enqueueMail(db, { to: 'slow@alfa.example', subject: 'Devagar', html: '<p>x</p>', text: 'x', headers: { 'Message-ID': '<slow@atende>' } });
    const workers = [0, 1].map(() => createMailWorker({ db, smtpUrl: smtp.url, from: 'a@atende.example', log, claimMs: 300, intervalMs: 50 }));
    for (const w of workers) w.start();
    await smtp.waitFor('slow@alfa.example');
    // Long past the first claim: the other worker looked again and again meanwhile.
    for (;;) {
      const row = await db.selectFrom('outbox_mail').select('status').where('to_address', '=', 'slow@alfa.example').executeTakeFirstOrThrow();
      if (row.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const w of workers) await w.stop();
    expect(smtp.mails.filter((m) => m.messageId === '<slow@atende>')).toHaveLength(1);
    await smtp.close();
  });

  it('sends many mails in parallel over pooled connections, each once with two workers', async () => {
    const smtp = await startTestSmtp({ answerDelayMs: 10 });
    const ids = Array.from({ length: 200 }, (_, i) => `<bulk-${i}@atende>`);
    for (const id of ids) await enqueueMail(db, { to: 'bulk@alfa.example', subject: 'Lote', html: '<p>x</p>', text: 'x', headers: { 'Message-ID': id } });
    const workers = [0, 1].map(() => createMailWorker({ db, smtpUrl: smtp.url, from: 'a@atende.example', log }));
    const sent = await Promise.all(workers.map((w) => w.drain()));
    expect(sent[0]! + sent[1]!).toBe(200);
    const received = smtp.mails.map((m) => m.messageId).filter((id) => id?.startsWith('<bulk-'));
    expect(received.sort()).toEqual([...ids].sort());
    // More than one mail was on its way at a time, beyond one per worker.
    expect(smtp.mostAtOnce()).toBeGreaterThan(2);
    const left = await db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'bulk@alfa.example').where('status', '!=', 'sent').execute();
    expect(left).toEqual([]);
    for (const w of workers) await w.stop();
    await smtp.close();
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(3600);
  });
});
