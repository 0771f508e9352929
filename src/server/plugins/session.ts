import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { loadActor, type Actor } from '../features/auth/auth.actor';
import { forbidden, unauthorized } from '../lib/errors';

/** Resolves the session cookie of each API request into `request.actor`. */
export function registerSession(app: FastifyInstance) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionId', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || !request.headers.cookie?.includes('session_token')) return;
    const found = await app.ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!found) return;
    request.sessionId = found.session.id;
    request.actor = await loadActor(app.ctx.db, found.user.id);
  });
  // Administration answers 401/403 before it looks at the input.
  app.addHook('preValidation', async (request) => {
    if (request.url.startsWith('/api/admin/')) requireSystemAdmin(request);
  });
}

/** The signed-in person, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** The signed-in system administrator, or 403 for anyone else signed in. */
export function requireSystemAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.staffRole !== 'admin') throw forbidden();
  return actor;
}
