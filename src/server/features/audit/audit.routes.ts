import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { requireSystemAdmin } from '../../plugins/session';
import { auditList, presentAudit } from '../people/people.self.routes';

/** The whole audit log, newest first, for system administrators. */
export async function auditRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every administrative act: who, when, what, before → after',
        querystring: z.object({
          action: z.string().max(60).optional(),
          companyId: z.coerce.number().int().positive().optional(),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: auditList, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      requireSystemAdmin(request);
      const { action, companyId, before } = request.query;
      const rows = await db
        .selectFrom('audit_event')
        .leftJoin('person', 'person.id', 'audit_event.actor_id')
        .select(['audit_event.id', 'person.name', 'audit_event.action', 'audit_event.target_type', 'audit_event.target_id', 'audit_event.before', 'audit_event.after', 'audit_event.created_at'])
        .$if(action !== undefined, (q) => q.where('audit_event.action', 'like', `${action!.replace(/[%_\\]/g, '')}%`))
        .$if(companyId !== undefined, (q) => q.where('audit_event.company_id', '=', companyId!))
        .$if(before !== undefined, (q) => q.where('audit_event.id', '<', before!))
        .orderBy('audit_event.id', 'desc')
        .limit(100)
        .execute();
      return { events: rows.map(presentAudit) };
    },
  );
}
