import type { FastifyReply } from 'fastify';

/**
 * Sends a body that is JSON text already (rendered by the database), past the route's response
 * serializer; the route's schema still documents its shape.
 */
export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').serializer((body: string) => body).send(json);
}
