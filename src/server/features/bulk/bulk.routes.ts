import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bulkInput, bulkResult } from '../../../contracts/bulk';
import { errorBody } from '../../../contracts/errors';
import { translatorFor } from '../../lib/i18n';
import { requireActor } from '../../plugins/session';
import { applyBulk } from './bulk.service';

/** Bulk actions over a selection of tickets in a view (agents). */
export async function bulkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/tickets/bulk',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Assign, transfer, change the status of or tag up to 100 tickets; each row is checked and applied as a single edit, and reported',
        body: bulkInput,
        response: { 200: bulkResult, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => applyBulk(app.ctx, requireActor(request), request.body, translatorFor(request), request.log),
  );
}
