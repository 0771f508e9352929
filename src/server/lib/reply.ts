import type { FastifyReply } from 'fastify';

/**
 * Sends a body that is JSON already (rendered by the database), past the route's response
 * serializer; the route's schema still documents its shape.
 */
export function sendRenderedJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
