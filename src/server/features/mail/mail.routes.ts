import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { iso } from '../../db/columns';
import { inlineLimit } from '../../db/limit';
import { notFound } from '../../lib/errors';

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
 * The development mailbox: in demo mode only, anyone on the demo reads the outbox, so
 * invitation and reset links work without an SMTP server. Outside demo mode it is a 404.
 */
export async function devMailboxRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Development mailbox (demo mode only)',
        response: { 200: z.object({ mails: z.array(mailView) }), 404: errorBody },
      },
    },
    async () => {
      if (!config.demo) throw notFound();
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
}
