import nodemailer from 'nodemailer';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { testMailInput } from '../../../contracts/admin';
import { errorBody } from '../../../contracts/errors';
import { translate } from '../../../contracts/i18n';
import { rowIdParam } from '../../../contracts/ids';
import { iso, now } from '../../db/columns';
import { inlineLimit } from '../../db/limit';
import { AppError, notFound } from '../../lib/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { enqueueMail } from './mail.outbox';
import { renderMail } from './mail.render';

/** The SMTP address without its password, for display. */
export function maskedSmtpUrl(url: string | undefined): string | null {
  if (!url) return null;
  if (!URL.canParse(url)) return '(invalid)';
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
}

/** How many of the latest failed mails the settings page lists. */
const failedShown = 20;

/** Mail settings as configured, the outbox's state with the latest failed mails, "send again", and "send a test mail". */
export async function mailAdminRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = z.object({
    smtpUrl: z.string().nullable(),
    from: z.string(),
    publicUrl: z.string(),
    outbox: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
    /** The latest mails given up, newest first: whom, what, the server's last answer, when. */
    failedMails: z.array(z.object({ id: z.number(), to: z.string(), subject: z.string(), error: z.string().nullable(), at: z.string().nullable() })),
  });

  r.get('/api/admin/mail', { schema: { tags: ['admin'], summary: 'Mail settings and the outbox', response: { 200: settings, 401: errorBody, 403: errorBody } } }, async (request) => {
    requireSystemAdmin(request);
    const counts = await db.selectFrom('outbox_mail').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const failed = await db
      .selectFrom('outbox_mail')
      .select(['id', 'to_address', 'subject', 'last_error', 'failed_at'])
      .where('status', '=', 'failed')
      .orderBy('failed_at', (o) => o.desc().nullsLast())
      .orderBy('id', 'desc')
      .limit(inlineLimit(failedShown))
      .execute();
    return {
      smtpUrl: maskedSmtpUrl(config.smtpUrl),
      from: config.mailFrom,
      publicUrl: config.publicUrl,
      outbox: { pending: count('pending'), sent: count('sent'), failed: count('failed') },
      failedMails: failed.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, error: m.last_error, at: m.failed_at === null ? null : iso(m.failed_at) })),
    };
  });

  r.post(
    '/api/admin/mail/:id/resend',
    {
      schema: {
        tags: ['admin'],
        summary: 'Queue a failed mail again, from its first attempt',
        params: z.object({ id: rowIdParam }),
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        const mail = await trx.selectFrom('outbox_mail').select(['to_address', 'subject']).where('id', '=', id).executeTakeFirst();
        if (!mail) throw notFound();
        // Only while it is failed: two administrators pressing at once queue it once.
        const requeued = await trx
          .updateTable('outbox_mail')
          .set({ status: 'pending', attempts: 0, next_attempt_at: now(), locked_until: null, failed_at: null })
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .executeTakeFirst();
        if (!Number(requeued.numUpdatedRows)) throw new AppError('conflict', 'admin.mail.notFailed');
        await audit(trx, { actorId: actor.id, action: 'mail.resend', targetType: 'mail', targetId: mail.to_address, after: { subject: mail.subject } });
      });
      app.ctx.pokeMail();
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/admin/mail/test',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send a test mail now (straight to SMTP when configured, else to the outbox)',
        body: testMailInput,
        response: { 200: z.object({ delivered: z.boolean(), error: z.string().nullable() }), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const t = (key: string) => translate(actor.language, key);
      const { html, text } = renderMail({ language: actor.language, recipientName: actor.name, paragraphs: [t('mail.test.body')] });
      const mail = { to: request.body.to, subject: t('mail.test.subject'), html, text };
      await audit(db, { actorId: actor.id, action: 'mail.test', targetType: 'mail', targetId: request.body.to });
      if (!config.smtpUrl) {
        await enqueueMail(db, mail);
        return { delivered: false, error: null };
      }
      // Sent directly so the administrator sees the server's answer at once.
      const transport = nodemailer.createTransport(config.smtpUrl);
      try {
        await transport.sendMail({ from: config.mailFrom, ...mail });
        return { delivered: true, error: null };
      } catch (error) {
        return { delivered: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        transport.close();
      }
    },
  );
}
