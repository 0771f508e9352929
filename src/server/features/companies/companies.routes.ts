import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyOptions, contactOptions } from '../../../contracts/catalog';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { containsFolded } from '../../db/text-search';
import { inlineLimit } from '../../db/limit';
import { forbidden } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { rowIdParam } from '../../../contracts/ids';

/** Company and contact pickers for agents who open a ticket on a customer's behalf. */
export async function companiesRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'Active companies, optionally those entitled to a service line (staff)',
        querystring: z.object({
          serviceLineId: rowIdParam.optional(),
          q: text().trim().max(100).optional(),
        }),
        response: { 200: companyOptions, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const { serviceLineId, q } = request.query;
      const companies = await db
        .selectFrom('company')
        .select(['company.id', 'company.name', 'company.country'])
        .where('company.active', '=', true)
        .$if(serviceLineId !== undefined, (qb) =>
          qb.where((eb) =>
            eb.exists(
              eb
                .selectFrom('entitlement')
                .select('entitlement.company_id')
                .whereRef('entitlement.company_id', '=', 'company.id')
                .where('entitlement.service_line_id', '=', serviceLineId!),
            ),
          ),
        )
        .$if(Boolean(q), (qb) => qb.where(containsFolded(db.dialectName, 'company.name', q!)))
        .orderBy('company.name')
        .limit(inlineLimit(50))
        .execute();
      return { companies };
    },
  );

  r.get(
    '/api/companies/:id/contacts',
    {
      schema: {
        tags: ['companies'],
        summary: "A company's active contacts (staff)",
        params: z.object({ id: rowIdParam }),
        response: { 200: contactOptions, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const rows = await db
        .selectFrom('membership')
        .innerJoin('person', 'person.id', 'membership.person_id')
        .select(['person.id', 'person.name', 'person.email', 'membership.may_request_consulting'])
        .where('membership.company_id', '=', request.params.id)
        .where('membership.active', '=', true)
        .where('person.active', '=', true)
        .orderBy('person.name')
        .execute();
      return {
        contacts: rows.map((p) => ({ id: p.id, name: p.name, email: p.email, mayRequestConsulting: Boolean(p.may_request_consulting) })),
      };
    },
  );
}
