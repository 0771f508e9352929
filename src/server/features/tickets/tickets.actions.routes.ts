import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflictBody, errorBody } from '../../../contracts/errors';
import {
  articleConflictBody,
  articleInput,
  ratingInput,
  rejectInput,
  reopenInput,
  takeInput,
  ticketUpdateInput,
  ticketView,
  workspaceCounts,
} from '../../../contracts/tickets';
import { forbidden, notFound } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import type { Actor } from '../auth/auth.actor';
import { addArticle } from './tickets.conversation';
import { confirmSolution, rateTicket, rejectSolution, reopenTicket, takeTicket, updateTicket } from './tickets.lifecycle';
import { seesInternal } from './tickets.policy';
import { presentTicket } from './tickets.presenter';
import { countViews, findReadableTicket, ticketDetails, ticketFacts, unreadableTicket } from './tickets.repository';
import { rowIdParam } from '../../../contracts/ids';

const params = z.object({ number: rowIdParam });
const responses = { 200: ticketView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: conflictBody };

/** Replies and notes, agent actions, and the customer's confirm / reject / reopen / rate. */
export async function ticketActionsRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The ticket the caller may read (else 404), as the policies see it. */
  const load = async (request: FastifyRequest, number: number) => {
    const actor = requireActor(request);
    const ticket = await ticketFacts(ctx.db, actor, number);
    if (!ticket) throw await unreadableTicket(ctx.db, number);
    return { actor, ticket };
  };
  /** The ticket after a change, as the caller sees it; wakes the mail worker. */
  const fresh = async (actor: Actor, number: number) => {
    ctx.pokeMail();
    const row = await findReadableTicket(ctx.db, actor, number);
    if (!row) throw notFound();
    return presentTicket(actor, row, await ticketDetails(ctx.db, row.id, seesInternal(actor)), ctx.config.tickets.reopenDays);
  };
  const route = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    act: (actor: Actor, ticket: Awaited<ReturnType<typeof load>>['ticket'], input: z.infer<S>) => Promise<unknown>,
    conflict: z.ZodType = conflictBody,
  ) =>
    r.post(path, { schema: { tags: ['tickets'], summary, params, body, response: { ...responses, 409: conflict } } }, async (request) => {
      const { actor, ticket } = await load(request, request.params.number);
      await act(actor, ticket, request.body as z.infer<S>);
      return fresh(actor, ticket.number);
    });

  route(
    '/api/tickets/:number/articles',
    'Reply (public) or add an internal note, with uploaded attachments; 409 with the newer articles when one arrived after lastSeenArticleId',
    articleInput,
    (actor, ticket, input) => addArticle(ctx, actor, ticket, input),
    articleConflictBody,
  );
  route('/api/tickets/:number/take', 'Take the ticket (agent)', takeInput, (actor, ticket, input) => takeTicket(ctx, actor, ticket, input.revision));
  route('/api/tickets/:number/confirm', 'Confirm the proposed solution (customer)', z.object({}), (actor, ticket) => confirmSolution(ctx, actor, ticket));
  route('/api/tickets/:number/reject', 'Reject the proposed solution with a comment (customer)', rejectInput, (actor, ticket, input) =>
    rejectSolution(ctx, actor, ticket, input.comment),
  );
  route('/api/tickets/:number/reopen', 'Reopen a closed ticket within the allowed days (requester)', reopenInput, (actor, ticket, input) =>
    reopenTicket(ctx, actor, ticket, input.comment),
  );
  route('/api/tickets/:number/rating', 'Rate a closed ticket 1–5 with a comment (requester)', ratingInput, (actor, ticket, input) =>
    rateTicket(ctx, actor, ticket, input),
  );

  r.patch(
    '/api/tickets/:number',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Change status, assignee, group, classification or criticality (agent); 409 when stale',
        params,
        body: ticketUpdateInput,
        response: responses,
      },
    },
    async (request) => {
      const { actor, ticket } = await load(request, request.params.number);
      if (!actor.staffRole) throw forbidden();
      await updateTicket(ctx, actor, ticket, request.body);
      return fresh(actor, ticket.number);
    },
  );

  r.get(
    '/api/workspace/counts',
    { schema: { tags: ['tickets'], summary: "How many tickets each of the agent's views holds", response: { 200: workspaceCounts, 401: errorBody, 403: errorBody } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return countViews(ctx.db, actor);
    },
  );
}
