import type { FastifyInstance, FastifyRequest } from 'fastify';
import { constantTimeEqual, makeSignature } from 'better-auth/crypto';
import { fromNodeHeaders } from 'better-auth/node';
import { loadSessionActor, type Actor } from '../features/auth/auth.actor';
import { sessionCookieName } from '../features/auth/auth.config';
import { hashSessionToken } from '../features/auth/auth.sessions';
import { forbidden, unauthorized } from '../lib/errors';
import { isApiRequest, routeOf } from '../lib/route';

/** better-auth renews a session's expiry once a day; until then a plain lookup suffices. */
const renewAfterMs = 24 * 60 * 60 * 1000;

/**
 * The session token of better-auth's signed cookie ("<token>.<signature>"), verified with its own
 * signing. `verified` remembers checked cookie values: a signature's validity never changes for
 * one secret, so that is safe; the session itself is read on every request.
 */
async function verifiedToken(cookieHeader: string, cookie: RegExp, secret: string, verified: Map<string, string>): Promise<string | undefined> {
  const match = cookie.exec(cookieHeader);
  if (!match) return undefined;
  // A malformed escape is a cookie we did not set: no session, not a server error.
  let value: string;
  try {
    value = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  const known = verified.get(value);
  if (known) return known;
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const token = value.slice(0, dot);
  const expected = await makeSignature(token, secret);
  if (!constantTimeEqual(expected, value.slice(dot + 1))) return undefined;
  if (verified.size >= 10_000) verified.delete(verified.keys().next().value!);
  verified.set(value, token);
  return token;
}

/**
 * Resolves the session cookie of each API request into `request.actor`. The common case is one
 * query for better-auth's session row with its person and memberships; when the session is due
 * for renewal the request also goes through better-auth's getSession, which extends it.
 */
export function registerSession(app: FastifyInstance, secret: string) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionId', undefined);
  const verified = new Map<string, string>();
  // Only the configured name: under HTTPS a cookie without the __Host- prefix may come from elsewhere.
  const name = sessionCookieName(app.ctx.config).replaceAll('.', '\\.');
  const cookiePattern = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`);
  app.addHook('onRequest', async (request) => {
    const cookie = request.headers.cookie;
    if (!cookie?.includes('session_token') || !isApiRequest(request)) return;
    const token = await verifiedToken(cookie, cookiePattern, secret, verified);
    if (!token) return;
    const { db, auth } = app.ctx;
    // The table keeps only the token's hash (auth.sessions.ts).
    const found = await loadSessionActor(db, hashSessionToken(token));
    if (!found || found.expiresAt.getTime() <= Date.now()) return;
    if (Date.now() - found.updatedAt.getTime() > renewAfterMs) {
      const renewed = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
      if (!renewed) return;
    }
    request.sessionId = found.sessionId;
    request.actor = found.actor;
  });
  // Administration answers 401/403 before it looks at the input.
  app.addHook('preValidation', async (request) => {
    if (routeOf(request).startsWith('/api/admin/')) requireSystemAdmin(request);
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
