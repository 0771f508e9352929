import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { iso } from '../../db/columns';
import { inlineLimit } from '../../db/limit';
import { notFound } from '../../lib/errors';
import { devMailboxOpens } from './mail.mailbox';

const mailView = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  createdAt: z.string(),
});

/**
 * The development mailbox: the outbox of a demo without SMTP, so invitation and reset links work
 * without a mail server — for those `devMailboxOpens` lets in; a 404 for anyone else.
 */
export async function devMailboxRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Development mailbox: a demo without SMTP, for its system administrator or a visitor on the same machine',
        response: { 200: z.object({ mails: z.array(mailView) }), 404: errorBody },
      },
    },
    async (request) => {
      if (!devMailboxOpens(config, request)) throw notFound();
      const rows = await db
        .selectFrom('outbox_mail')
        .select(['id', 'to_address', 'subject', 'text', 'html', 'status', 'created_at'])
        .orderBy('id', 'desc')
        .limit(inlineLimit(100))
        .execute();
      return {
        mails: rows.map((m) => ({
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          text: m.text,
          html: m.html,
          status: m.status,
          createdAt: iso(m.created_at),
        })),
      };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dev/mailbox/access',
    {
      schema: {
        tags: ['mail'],
        summary: 'Whether the development mailbox would open for this request (the sign-in page links to it only then)',
        response: { 200: z.object({ open: z.boolean() }) },
      },
    },
    async (request) => ({ open: devMailboxOpens(config, request) }),
  );
}
