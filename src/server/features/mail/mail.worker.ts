import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { now } from '../../db/columns';
import { inlineLimit } from '../../db/limit';

/** How long a claimed mail stays invisible to other workers while it is being sent. */
const claimSeconds = 60;
export const maxAttempts = 8;

/** Seconds to wait before the next try: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** Claims one due mail for this worker; undefined when none is due. Safe with several processes. */
async function claimNext(db: Db) {
  const at = now();
  const due = db
    .selectFrom('outbox_mail')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .orderBy('id')
    .limit(inlineLimit(1));
  // The outer conditions are checked again under the row lock, so only one process wins a mail.
  return db
    .updateTable('outbox_mail')
    .set((eb) => ({ locked_until: later(claimSeconds), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', due)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .returning(['id', 'to_address', 'subject', 'html', 'text', 'headers', 'attempts'])
    .executeTakeFirst();
}

/** Sends queued mails over SMTP with retries and backoff. */
export function createMailWorker(options: { db: Db; smtpUrl: string; from: string; log: FastifyBaseLogger; intervalMs?: number }) {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;

  /** Sends every due mail; returns how many were sent. */
  async function drain(): Promise<number> {
    let sent = 0;
    // Stopping finishes the mail in hand; the rest stays queued for the next start.
    while (!stopping) {
      const mail = await claimNext(options.db);
      if (!mail) return sent;
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.to_address,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: JSON.parse(mail.headers) as Record<string, string>,
        });
        await options.db
          .updateTable('outbox_mail')
          .set({ status: 'sent', sent_at: now(), locked_until: null, last_error: null })
          .where('id', '=', mail.id)
          .execute();
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const giveUp = mail.attempts >= maxAttempts;
        options.log.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, 'mail not sent');
        await options.db
          .updateTable('outbox_mail')
          .set({
            status: giveUp ? 'failed' : 'pending',
            next_attempt_at: later(backoffSeconds(mail.attempts)),
            locked_until: null,
            last_error: message.slice(0, 1000),
          })
          .where('id', '=', mail.id)
          .execute();
      }
    }
    return sent;
  }

  const tick = () => {
    running ??= drain()
      .catch((error) => options.log.error({ err: error }, 'mail worker failed'))
      .then(() => {
        running = undefined;
      });
    return running;
  };

  return {
    drain,
    /** Wakes the worker now instead of at its next interval. */
    poke: () => void tick(),
    start() {
      timer = setInterval(tick, options.intervalMs ?? 2000);
      timer.unref();
      void tick();
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
