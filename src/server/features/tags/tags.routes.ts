import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflictBody, errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { ticketView } from '../../../contracts/tickets';
import { tagList, tagSearchQuery, ticketTagsInput } from '../../../contracts/views';
import { forbidden, notFound } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { seesInternal } from '../tickets/tickets.policy';
import { presentTicket } from '../tickets/tickets.presenter';
import { findReadableTicket, ticketDetails, ticketFacts, unreadableTicket } from '../tickets/tickets.repository';
import { changeTicketTags, tagsStartingWith } from './tags.service';

/** Tags on tickets: agents only; a customer never sees one, nor can ask for them. */
export async function tagsRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Tags beginning with a prefix, for an agent’s autocomplete',
        querystring: tagSearchQuery,
        response: { 200: tagList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return { tags: await tagsStartingWith(db, request.query.prefix, request.query.limit) };
    },
  );

  r.post(
    '/api/tickets/:number/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Add and remove tags on a ticket (agent); 409 when the ticket changed since `revision`',
        params: z.object({ number: rowIdParam }),
        body: ticketTagsInput,
        response: { 200: ticketView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: conflictBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ticket = await ticketFacts(db, actor, request.params.number);
      if (!ticket) throw await unreadableTicket(db, request.params.number);
      await changeTicketTags(db, actor, ticket, request.body);
      const row = await findReadableTicket(db, actor, ticket.number);
      if (!row) throw notFound();
      return presentTicket(actor, row, await ticketDetails(db, row.id, seesInternal(actor)), config.tickets.reopenDays);
    },
  );
}
