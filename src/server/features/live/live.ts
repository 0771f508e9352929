import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { presenceInput, presenceView } from '../../../contracts/live';
import { AppError } from '../../lib/errors';
import { onCommitted } from '../../lib/events';
import { requireActor } from '../../plugins/session';
import { ticketFacts, unreadableTicket } from '../tickets/tickets.repository';
import { openBus } from './live.bus';
import { createHub } from './live.hub';
import { liveMessages } from './live.messages';

export { relayBetweenWorkers } from './live.bus';

/** An announcement repeated sooner than this (same person, ticket and activity) is not passed on again. */
const announceEveryMs = 2000;

/**
 * Live updates, the feature's one way in: the event stream (`GET /api/live`), presence and typing
 * on a ticket's page, fed by the domain events of every committed transaction (lib/events.ts)
 * and carried to every process of the database (live.bus.ts). See live.hub.ts for who hears what.
 */
export async function liveRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Comments often enough that no connection reaches the idle timeout (IDLE_TIMEOUT_SECONDS).
  const heartbeatMs = Math.max(500, Math.min(15_000, Math.floor(config.timeouts.idle / 3)));
  const hub = createHub(db, { heartbeatMs });
  const bus = openBus(db, (message) => void hub.deliver(message), app.log);
  const stopFollowing = onCommitted(
    db,
    async (events) => {
      const messages = await liveMessages(db, events);
      if (messages.length) await bus.publish(messages);
    },
    (error) => app.log.error({ err: error }, 'live: a committed change was not told'),
  );
  // The streams end before the server waits for its connections to finish.
  app.addHook('preClose', async () => hub.close());
  app.addHook('onClose', async () => {
    stopFollowing();
    await bus.close();
  });

  r.get(
    '/api/live',
    {
      schema: {
        tags: ['live'],
        summary: 'The event stream (text/event-stream) of changes the caller may see',
        description:
          'Events: `ready`, `ticket` { number, revision } (or { number, gone: true } when it left your groups), `presence` (staff only), ' +
          '`notification` { unread }, `resync`; a comment line keeps the connection alive. At most LIVE_STREAMS_PER_PERSON (8) ' +
          'streams per person and LIVE_STREAMS_PER_PROCESS in all, per process: then 429 / 503 with Retry-After.',
        response: { 200: z.string().describe('text/event-stream'), 401: errorBody, 429: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const retry = { headers: { 'retry-after': '30' } };
      if (hub.count(actor.id) >= config.live.streamsPerPerson) throw new AppError('too_many_requests', 'live.tooManyStreams', retry);
      if (hub.count() >= config.live.streamsPerProcess) throw new AppError('unavailable', 'live.busy', retry);
      reply.hijack();
      const headers = Object.fromEntries(Object.entries(reply.getHeaders()).flatMap(([k, v]) => (v === undefined ? [] : [[k, typeof v === 'number' ? String(v) : v]])));
      hub.open(reply.raw, headers, actor, request.sessionId!);
    },
  );

  const announced = new Map<string, number>();
  r.post(
    '/api/tickets/:number/presence',
    {
      schema: {
        tags: ['live'],
        summary: "Announce that I view, type a reply on, or left a ticket's page; answers who else is there (to the vendor's staff)",
        params: z.object({ number: rowIdParam }),
        body: presenceInput,
        response: { 200: presenceView, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ticket = await ticketFacts(db, actor, request.params.number);
      if (!ticket) throw await unreadableTicket(db, request.params.number);
      const scope = { ticketId: ticket.id, number: ticket.number, groupId: ticket.group_id, companyId: ticket.company_id, requesterId: ticket.requester_id };
      const { activity } = request.body;
      const key = `${actor.id} ${ticket.id} ${activity}`;
      const last = announced.get(key);
      if (last === undefined || Date.now() - last >= announceEveryMs || activity === 'left') {
        if (announced.size >= 10_000) announced.clear();
        announced.set(key, Date.now());
        await bus.publish([{ t: 'presence', scope, person: { id: actor.id, name: actor.name, staff: actor.staffRole !== null }, activity }]);
      }
      // Customers are not told which of the vendor's people are on their ticket.
      return { viewers: actor.staffRole ? hub.viewers(scope, actor.id) : [] };
    },
  );
}
