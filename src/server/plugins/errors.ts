import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { issueMessage, type ErrorBody } from '../../contracts/errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError } from '../lib/errors';
import { translatorFor } from '../lib/i18n';
import { routeOf } from '../lib/route';

/** Refusals logged at warn whatever raised them: a failed sign-in, a 403 and a 429. */
const securityCodes = new Set(['invalid_credentials', 'forbidden', 'csrf', 'too_many_requests']);

/**
 * One warning per security event, with who (person and companies, when signed in) and the request
 * id (pino's reqId) — never a cookie, token or password: `context` comes from AppError's securityEvent.
 */
function logSecurityEvent(request: FastifyRequest, event: string, status: number, context: Record<string, unknown> = {}) {
  const actor = request.actor;
  request.log.warn(
    { event, status, route: routeOf(request), ...(actor ? { personId: actor.id, companyIds: actor.memberships.map((m) => m.companyId) } : {}), ...context },
    'security event',
  );
}

/** Seconds a client is asked to wait when the database is away (a restart, a lock held by another process). */
const retryAfterSeconds = 5;

/** One error handler: every failure leaves as { error: { code, message, fields? } } in the caller's language. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const t = translatorFor(request);
    // The database cannot be reached now; each change is one transaction, written whole or not at all, so the client may try again.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      const body: ErrorBody = { error: { code: 'unavailable', message: t('errors.unavailable') } };
      return reply.status(503).header('retry-after', String(retryAfterSeconds)).send(body);
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      const { event = error.code, ...context } = error.options.securityEvent ?? {};
      if (error.options.securityEvent || securityCodes.has(error.code)) logSecurityEvent(request, event, error.status, context);
      const fields = error.options.fields
        ? Object.fromEntries(
            Object.entries(error.options.fields).map(([k, m]) => [k, typeof m === 'string' ? t(m) : t(m.key, m.params)]),
          )
        : undefined;
      const body: ErrorBody = {
        error: { code: error.code, message: t(error.messageKey, error.options.params), fields, ...error.options.details },
      };
      return reply.status(error.status).headers(error.options.headers ?? {}).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path = v.instancePath.split('/').filter(Boolean);
        const issue = { ...v.params, code: v.keyword, message: v.message, path } as unknown as z.core.$ZodIssue;
        fields[path.join('.') || '_'] ??= issueMessage(issue, t);
      }
      const body: ErrorBody = { error: { code: 'validation', message: t('errors.validation'), fields } };
      return reply.status(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'internal', message: t('errors.internal') } });
    }
    const known: Record<number, [string, string]> = {
      413: ['payload_too_large', 'errors.payloadTooLarge'],
      415: ['unsupported_media_type', 'errors.unsupportedMediaType'],
      404: ['not_found', 'errors.notFound'],
      429: ['too_many_requests', 'errors.tooManyRequests'],
    };
    const [code, key] = known[status] ?? ['bad_request', 'errors.badRequest'];
    return reply.status(status).send({ error: { code, message: t(key, { minutes: 1, count: 1 }) } });
  });

  app.setNotFoundHandler((request, reply) => {
    const t = translatorFor(request);
    return reply.status(404).send({ error: { code: 'not_found', message: t('errors.notFound') } });
  });
}

/**
 * Errors Fastify meets before any route runs (a path that is not valid percent-encoded UTF-8): the
 * same body as every other 400, in the caller's language, instead of Fastify's own.
 */
export function frameworkError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const t = translatorFor(request);
  void reply.status(400).send({ error: { code: 'bad_request', message: t('errors.badRequest') } } satisfies ErrorBody);
}
