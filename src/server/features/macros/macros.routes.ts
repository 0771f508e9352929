import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflictBody, errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { applyMacroInput, macroApplied, macroInput, macroList, macroTicketParams, macroUpdate, macroView, renderedMacro } from '../../../contracts/macros';
import { forbidden, notFound } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { seesInternal } from '../tickets/tickets.policy';
import { presentTicket } from '../tickets/tickets.presenter';
import { findReadableTicket, ticketDetails, ticketFacts } from '../tickets/tickets.repository';
import { shareableGroups } from '../views/views.service';
import { applyMacro, renderMacro } from './macros.apply';
import { createMacro, deleteMacro, listMacros, updateMacro, visibleMacro } from './macros.service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const params = z.object({ id: rowIdParam });

/** Macros: canned replies with actions, managed by agents (shared ones per policy), rendered and applied on a ticket. */
export async function macrosRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/macros',
    { schema: { tags: ['macros'], summary: 'The macros I may apply, the most used first, and the groups I may share one with', response: { 200: macroList, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return { macros: await listMacros(db, actor), groups: await shareableGroups(db, actor) };
    },
  );

  r.post(
    '/api/macros',
    {
      schema: {
        tags: ['macros'],
        summary: 'Save a macro: personal, shared with a group I am in, or (system administrator) with all agents; an unknown variable is a 400 naming it',
        body: macroInput,
        response: { 201: macroView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createMacro(db, requireActor(request), request.body)),
  );

  r.patch(
    '/api/macros/:id',
    { schema: { tags: ['macros'], summary: 'Change a macro I may edit; 409 when it changed since `revision`', params, body: macroUpdate, response: { 200: macroView, ...errors, 404: errorBody, 409: errorBody } } },
    async (request) => updateMacro(db, requireActor(request), request.params.id, request.body),
  );

  r.delete(
    '/api/macros/:id',
    {
      schema: {
        tags: ['macros'],
        summary: 'Delete a macro I may edit; 409 when it changed since `revision`',
        params,
        querystring: z.object({ revision: rowIdParam }),
        response: { 204: z.null(), ...errors, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteMacro(db, requireActor(request), request.params.id, request.query.revision);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/tickets/:number/macros/:id',
    {
      schema: {
        tags: ['macros'],
        summary: 'A macro rendered for a ticket I read: the reply with its variables filled, as it will be sent, and its actions',
        params: macroTicketParams,
        response: { 200: renderedMacro, ...errors, 404: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return renderMacro(db, actor, request.params.number, await visibleMacro(db, actor, request.params.id));
    },
  );

  r.post(
    '/api/tickets/:number/macros/:id/apply',
    {
      schema: {
        tags: ['macros'],
        summary: 'Apply a macro’s actions (tags, status, group) to a ticket from `revision` and count its use; its reply is sent as any reply, before',
        params: macroTicketParams,
        body: applyMacroInput,
        response: { 200: macroApplied, ...errors, 404: errorBody, 409: conflictBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const macro = await visibleMacro(db, actor, request.params.id);
      const ticket = await ticketFacts(db, actor, request.params.number);
      if (!ticket) throw notFound();
      await applyMacro(ctx, actor, ticket, macro, request.body.revision);
      ctx.pokeMail();
      // After a transfer out of the agent's groups the ticket is no longer theirs to read.
      const row = await findReadableTicket(db, actor, ticket.number);
      return { ticket: row ? presentTicket(actor, row, await ticketDetails(db, row.id, seesInternal(actor)), ctx.config.tickets.reopenDays) : null };
    },
  );
}
