import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeInput, closeReasonView } from '../../../contracts/closing';
import { conflictBody, errorBody } from '../../../contracts/errors';
import { localized } from '../../../contracts/i18n';
import { rowIdParam } from '../../../contracts/ids';
import { ticketView } from '../../../contracts/tickets';
import { forbidden } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { currentTicketView } from '../tickets/tickets.presenter';
import { closeWithReason } from './closing.service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** An agent closes a ticket with a reason from the administrator's list. */
export async function closingRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/close-reasons',
    { schema: { tags: ['tickets'], summary: 'The active reasons an agent may close a ticket with', response: { 200: z.object({ reasons: z.array(closeReasonView) }), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const rows = await ctx.db.selectFrom('close_reason').select(['id', 'names', 'notify_customer']).where('active', '=', true).orderBy('position').orderBy('id').execute();
      return { reasons: rows.map((row) => ({ id: row.id, name: localized(JSON.parse(row.names), actor.language), notifyCustomer: Boolean(row.notify_customer) })) };
    },
  );

  r.post(
    '/api/tickets/:number/close',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Close the ticket with a reason and an optional public message (agent); the customer is mailed unless the reason says not to (spam); 409 when stale',
        params: z.object({ number: rowIdParam }),
        body: closeInput,
        response: { 200: ticketView, ...errors, 409: conflictBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { revision, ...input } = request.body;
      await closeWithReason(ctx.db, actor, request.params.number, revision, input, ctx.config.publicUrl);
      ctx.pokeMail();
      return currentTicketView(ctx.db, actor, request.params.number, ctx.config.tickets.reopenDays);
    },
  );
}
