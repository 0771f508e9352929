import nodemailer from 'nodemailer';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { testMailInput } from '../../../contracts/admin';
import { errorBody } from '../../../contracts/errors';
import { translate } from '../../../contracts/i18n';
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

/** Mail settings as configured, the outbox's state, and "send a test mail". */
export async function mailAdminRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = z.object({
    smtpUrl: z.string().nullable(),
    from: z.string(),
    publicUrl: z.string(),
    outbox: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
  });

  r.get('/api/admin/mail', { schema: { tags: ['admin'], summary: 'Mail settings and the outbox', response: { 200: settings, 401: errorBody, 403: errorBody } } }, async (request) => {
    requireSystemAdmin(request);
    const counts = await db.selectFrom('outbox_mail').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    return {
      smtpUrl: maskedSmtpUrl(config.smtpUrl),
      from: config.mailFrom,
      publicUrl: config.publicUrl,
      outbox: { pending: count('pending'), sent: count('sent'), failed: count('failed') },
    };
  });

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
