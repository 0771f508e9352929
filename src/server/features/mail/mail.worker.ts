import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { now } from '../../db/columns';
import { inlineLimit } from '../../db/limit';

export const maxAttempts = 8;
/** Mails on their way at once from one process, over at most `smtpConnections` pooled connections. */
const inFlight = 8;
const smtpConnections = 4;

/** Seconds to wait before the next try: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * A refusal that trying again will not change: a 5xx answer to the mail or its recipient. A
 * refused sign-in (EAUTH) is the configuration's, not the mail's, and a lost connection is no
 * answer at all: both are tried again.
 */
function isPermanent(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
}

/**
 * Claims up to `count` due mails for this worker (attempts + 1, invisible to other workers until
 * `locked_until`). Safe with several processes: the conditions are checked again under each
 * row's lock, and PostgreSQL's workers skip the rows another is claiming instead of waiting.
 */
function claimDue(db: Db, count: number, claimMs: number) {
  const at = now();
  const due = db
    .selectFrom('outbox_mail')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .orderBy('id')
    .limit(inlineLimit(count))
    .$if(db.dialectName === 'postgres', (q) => q.forUpdate().skipLocked());
  return db
    .updateTable('outbox_mail')
    .set((eb) => ({ locked_until: later(claimMs), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .returning(['id', 'to_address', 'subject', 'html', 'text', 'headers', 'attempts'])
    .execute();
}

type ClaimedMail = Awaited<ReturnType<typeof claimDue>>[number];

/**
 * Sends queued mails over SMTP: up to `inFlight` at once over a pool of connections, with retries
 * and backoff. A claim lasts `claimMs` (60 s) and is renewed while its mail is being sent, so a
 * server that takes long to answer never lets another process send the mail again; the
 * connection's timeouts end a send to a server that stopped answering well before that.
 */
export function createMailWorker(options: { db: Db; smtpUrl: string; from: string; log: FastifyBaseLogger; intervalMs?: number; claimMs?: number }) {
  const { db, log } = options;
  const claimMs = options.claimMs ?? 60_000;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: smtpConnections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  /** The mails on their way now, by id: their claims are renewed until each is settled. */
  const sending = new Map<number, Promise<void>>();

  const renewClaims = async () => {
    if (!sending.size) return;
    await db
      .updateTable('outbox_mail')
      .set({ locked_until: later(claimMs) })
      .where('id', 'in', [...sending.keys()])
      .where('status', '=', 'pending')
      .execute();
  };

  /** Sends one claimed mail and records the outcome; true when the server took it. */
  async function send(mail: ClaimedMail): Promise<boolean> {
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to_address,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: JSON.parse(mail.headers) as Record<string, string>,
      });
      await db.updateTable('outbox_mail').set({ status: 'sent', sent_at: now(), locked_until: null, last_error: null }).where('id', '=', mail.id).execute();
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = isPermanent(error) || mail.attempts >= maxAttempts;
      log.warn({ mailId: mail.id, attempts: mail.attempts, err: message, givenUp: giveUp }, 'mail not sent');
      await db
        .updateTable('outbox_mail')
        .set({
          status: giveUp ? 'failed' : 'pending',
          next_attempt_at: later(backoffSeconds(mail.attempts) * 1000),
          failed_at: giveUp ? now() : null,
          locked_until: null,
          last_error: message.slice(0, 1000),
        })
        .where('id', '=', mail.id)
        .execute();
      return false;
    }
  }

  /** Sends every due mail, `inFlight` at a time; returns how many were sent. */
  async function drain(): Promise<number> {
    let sent = 0;
    const renewal = setInterval(() => void renewClaims().catch((error: unknown) => log.error({ err: error }, 'mail claims not renewed')), claimMs / 3);
    try {
      // Stopping finishes the mails in hand; the rest stays queued for the next start.
      while (!stopping) {
        const mails = sending.size < inFlight ? await claimDue(db, inFlight - sending.size, claimMs) : [];
        for (const mail of mails) {
          const outcome = send(mail)
            .then((ok) => void (ok && sent++))
            // The outcome could not be recorded (the database is away): the claim runs out and the mail is tried again.
            .catch((error: unknown) => log.error({ err: error, mailId: mail.id }, 'mail outcome not recorded'))
            .finally(() => sending.delete(mail.id));
          sending.set(mail.id, outcome);
        }
        if (!mails.length && !sending.size) break;
        // Claim again once one is settled (or now, if all that were claimable could not fill the room).
        if (!mails.length || sending.size >= inFlight) await Promise.race(sending.values());
      }
      await Promise.all(sending.values());
      return sent;
    } finally {
      clearInterval(renewal);
    }
  }

  const tick = () => {
    running ??= drain()
      .catch((error) => log.error({ err: error }, 'mail worker failed'))
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
