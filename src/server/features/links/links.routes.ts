import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflictBody, errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { incidentsInput, linkInput, mergeInput, replyAllInput, rowOutcomes, ticketLinksView, type RowOutcomes } from '../../../contracts/links';
import { ticketView } from '../../../contracts/tickets';
import { AppError, forbidden } from '../../lib/errors';
import { translatorFor } from '../../lib/i18n';
import { requireActor } from '../../plugins/session';
import type { Actor } from '../auth/auth.actor';
import { addArticle } from '../tickets/tickets.conversation';
import { currentTicketView } from '../tickets/tickets.presenter';
import { ticketFacts, unreadableTicket } from '../tickets/tickets.repository';
import { mergeTicket } from './links.merge';
import { incidentNumbers, linkRelated, linkToProblem, ticketLinks, unlink } from './links.service';

const params = z.object({ number: rowIdParam });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: conflictBody };

/** Merging a duplicate, related links, and a problem's incidents (linked in bulk, answered at once). */
export async function linksRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The ticket the agent may read (else 404); customers never work links (403). */
  const load = async (request: FastifyRequest, number: number) => {
    const actor = requireActor(request);
    const ticket = await ticketFacts(ctx.db, actor, number);
    if (!ticket) throw await unreadableTicket(ctx.db, number);
    if (!actor.staffRole) throw forbidden();
    return { actor, ticket };
  };
  const linksOf = async (actor: Actor, number: number) => {
    const ticket = await ticketFacts(ctx.db, actor, number);
    if (!ticket) throw await unreadableTicket(ctx.db, number);
    return ticketLinks(ctx.db, actor, ticket.id);
  };
  /** Runs `work` for each number in turn; each row is its own transaction, and says why it failed. */
  const each = async (request: FastifyRequest, numbers: number[], work: (number: number) => Promise<unknown>): Promise<RowOutcomes> => {
    const t = translatorFor(request);
    const results: RowOutcomes['results'] = [];
    for (const number of [...new Set(numbers)]) {
      try {
        await work(number);
        results.push({ number, ok: true });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const field = Object.values(error.options.fields ?? {})[0];
        const message = field === undefined ? t(error.messageKey, error.options.params) : typeof field === 'string' ? t(field) : t(field.key, field.params);
        results.push({ number, ok: false, error: { code: error.code, message } });
      }
    }
    ctx.pokeMail();
    return { results };
  };

  r.get(
    '/api/tickets/:number/links',
    { schema: { tags: ['tickets'], summary: "The ticket's related tickets, its problem and its incidents, those the caller reads (agents)", params, response: { 200: ticketLinksView, ...errors } } },
    async (request) => {
      const { actor, ticket } = await load(request, request.params.number);
      return ticketLinks(ctx.db, actor, ticket.id);
    },
  );

  r.post(
    '/api/tickets/:number/merge',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Merge this duplicate into another open ticket of the same company: its conversation, attachments and copies move, it closes pointing there; 409 when stale',
        params,
        body: mergeInput,
        response: { 200: ticketView, ...errors },
      },
    },
    async (request) => {
      const { actor } = await load(request, request.params.number);
      await mergeTicket(ctx.db, actor, request.params.number, request.body.revision, request.body, ctx.config.publicUrl);
      ctx.pokeMail();
      return currentTicketView(ctx.db, actor, request.params.number, ctx.config.tickets.reopenDays);
    },
  );

  r.post(
    '/api/tickets/:number/links',
    { schema: { tags: ['tickets'], summary: 'Link another ticket the caller reads: as related, or make this one an incident of that problem; 409 when stale', params, body: linkInput, response: { 200: ticketLinksView, ...errors } } },
    async (request) => {
      const { actor } = await load(request, request.params.number);
      const { revision, number, kind } = request.body;
      if (kind === 'problem') await linkToProblem(ctx.db, actor, request.params.number, revision, { problemNumber: number });
      else await linkRelated(ctx.db, actor, request.params.number, revision, { number });
      return linksOf(actor, request.params.number);
    },
  );

  r.delete(
    '/api/tickets/:number/links/:other',
    { schema: { tags: ['tickets'], summary: 'Remove the link with another ticket (related, problem or incident)', params: params.extend({ other: rowIdParam }), response: { 200: ticketLinksView, ...errors } } },
    async (request) => {
      const { actor } = await load(request, request.params.number);
      await unlink(ctx.db, actor, request.params.number, request.params.other);
      return linksOf(actor, request.params.number);
    },
  );

  r.post(
    '/api/tickets/:number/incidents',
    { schema: { tags: ['tickets'], summary: 'Link many tickets, by number, as incidents of this problem; says for each whether it was linked and why not', params, body: incidentsInput, response: { 200: rowOutcomes, ...errors } } },
    async (request) => {
      const { actor } = await load(request, request.params.number);
      return each(request, request.body.numbers, (number) => linkToProblem(ctx.db, actor, number, null, { problemNumber: request.params.number }));
    },
  );

  r.post(
    '/api/tickets/:number/incidents/reply',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One public reply on this problem and on each of its incidents the caller reads; says for each whether it was sent (a closed one is not)',
        params,
        body: replyAllInput,
        response: { 200: rowOutcomes, ...errors },
      },
    },
    async (request) => {
      const { actor, ticket } = await load(request, request.params.number);
      const numbers = await incidentNumbers(ctx.db, actor, ticket.id);
      if (!numbers.length) throw new AppError('validation', 'errors.validation', { fields: { body: 'links.errors.noIncidents' } });
      const article = { body: request.body.body, internal: false, action: 'reply' as const, attachmentIds: [] };
      return each(request, [ticket.number, ...numbers], async (number) => {
        const facts = await ticketFacts(ctx.db, actor, number);
        if (!facts) throw await unreadableTicket(ctx.db, number);
        await addArticle(ctx, actor, facts, article);
      });
    },
  );
}
