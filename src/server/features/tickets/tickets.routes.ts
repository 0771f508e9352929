import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { openedTicket, openTicketInput, ticketList, ticketListQuery, ticketView } from '../../../contracts/tickets';
import { sendRenderedJson } from '../../lib/reply';
import { requireActor } from '../../plugins/session';
import { seesInternal } from './tickets.policy';
import { presentTicket } from './tickets.presenter';
import { listTickets } from './tickets.list';
import { findReadableTicket, ticketDetails, unreadableTicket } from './tickets.repository';
import { openTicket } from './tickets.service';
import { assertMayOpen } from './tickets.throttle';
import { summaryPageJson } from './tickets.summary';
import { rowIdParam } from '../../../contracts/ids';

const errors = { 400: errorBody, 401: errorBody, 404: errorBody };

/** Opening, listing and reading tickets; every answer scoped to what the caller may read. */
export async function ticketsRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Open a ticket',
        description: 'At most OPENINGS_PER_MINUTE (30) a minute per person: then 429 with Retry-After.',
        body: openTicketInput,
        response: { 201: openedTicket, ...errors, 429: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await assertMayOpen(db, actor.id, config.tickets.openingsPerMinute);
      const opened = await openTicket(db, config.publicUrl, actor, request.body);
      app.ctx.pokeMail();
      return reply.status(201).send(opened);
    },
  );

  r.get(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Tickets I may read: filters, search by number or words, keyset pages',
        querystring: ticketListQuery,
        response: { 200: ticketList, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { tickets, nextCursor } = await listTickets(db, actor, request.query);
      // The summaries are JSON already (see summaryJson); the schema above documents the shape.
      return sendRenderedJson(reply, summaryPageJson(tickets, nextCursor));
    },
  );

  r.get(
    '/api/tickets/:number',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One ticket with every field, the copies and the history',
        params: z.object({ number: rowIdParam }),
        response: { 200: ticketView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await findReadableTicket(db, actor, request.params.number);
      if (!row) throw await unreadableTicket(db, request.params.number);
      // The presenter names every field it sends (a whitelist), and a test holds the page to the
      // schema above (views.routes.test.ts): checking it again on every page view was a tenth of its CPU.
      const view = presentTicket(actor, row, await ticketDetails(db, row.id, seesInternal(actor)), config.tickets.reopenDays);
      return sendRenderedJson(reply, Buffer.from(JSON.stringify(view)));
    },
  );
}
