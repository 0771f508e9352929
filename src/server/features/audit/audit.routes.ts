import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { requireSystemAdmin } from '../../plugins/session';
import { auditList, readAudit } from './audit.list';
import { rowIdParam } from '../../../contracts/ids';

/** The whole audit log, newest first, for system administrators. */
export async function auditRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every administrative act: who, when, what (and the name of what), before → after',
        querystring: z.object({
          action: text().max(60).optional(),
          companyId: rowIdParam.optional(),
          before: rowIdParam.optional(),
        }),
        response: { 200: auditList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      // A system administrator may know every name, whichever company the page is filtered to.
      // An empty filter, as a cleared field sends it, is no filter.
      const action = request.query.action?.trim() || undefined;
      return readAudit(db, { ...request.query, action, limit: 100 }, { language: actor.language });
    },
  );
}
