import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config';
import { AppError } from '../lib/errors';
import { isApiRequest } from '../lib/route';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers, and CSRF defence: a write to the API must come from our own origin. */
export async function registerSecurity(app: FastifyInstance, config: Config) {
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style elements; scripts stay strictly external.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    // An API answer is someone's data of a moment: never kept by a browser or a proxy.
    if (isApiRequest(request)) reply.header('cache-control', 'no-store');
    done();
  });

  const allowed = new Set([new URL(config.publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (!unsafeMethods.has(request.method) || !isApiRequest(request)) return;
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
    const sameHost = origin !== undefined && hostOf(origin) === request.headers.host;
    // Browsers always send Origin on cross-site writes; a request without one is not a browser's.
    if (origin === undefined ? request.headers.cookie !== undefined : !allowed.has(origin) && !sameHost) {
      throw new AppError('csrf', 'errors.csrf');
    }
  });
}

/**
 * helmet's headers for a policy. They depend on nothing in the request (no nonces: scripts are
 * external), so they are computed once here rather than by helmet's middleware on every request.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  return URL.canParse(referer) ? new URL(referer).origin : 'null';
}

function hostOf(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}
