import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceLineForm } from '../../../contracts/catalog';
import type { Grade, Level } from '../../../contracts/criticality';
import { errorBody } from '../../../contracts/errors';
import { localized } from '../../../contracts/i18n';
import { notFound } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { loadServiceLineForm } from './catalog.form';
import { rowIdParam } from '../../../contracts/ids';

/** The lists of a service line's ticket form, for those who may open tickets on it. */
export async function catalogFormRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/service-lines/:id/form',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The ticket form of a service line',
        params: z.object({ id: rowIdParam }),
        response: { 200: serviceLineForm, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const form = await loadServiceLineForm(db, request.params.id);
      if (!form) throw notFound();
      const companies = actor.staffRole
        ? []
        : await db
            .selectFrom('company')
            .innerJoin('entitlement', 'entitlement.company_id', 'company.id')
            .select(['company.id', 'company.name', 'company.country'])
            .where('entitlement.service_line_id', '=', form.line.id)
            .where('company.id', 'in', actor.memberships.length ? actor.memberships.map((m) => m.companyId) : [-1])
            .orderBy('company.name')
            .execute();
      // A line none of the caller's companies is entitled to does not exist for them.
      if (!actor.staffRole && companies.length === 0) throw notFound();
      const name = (names: string) => localized(JSON.parse(names), actor.language);
      return {
        serviceLine: {
          id: form.line.id,
          code: form.line.code,
          name: form.line.name,
          channelKey: form.line.channel_key,
          channelName: name(form.line.channel_names),
        },
        modules: form.modules,
        versions: form.versions,
        environments: form.environments.map((e) => ({ id: e.id, name: name(e.names) })),
        categories: form.categories.map((c) => ({
          id: c.id,
          key: c.key,
          name: name(c.names),
          help: name(c.help),
          cap: c.cap_level as Level | null,
          needsConsultingRight: Boolean(c.needs_consulting_right),
        })),
        origins: form.origins.map((o) => ({ id: o.id, name: name(o.names), help: name(o.help), impact: o.impact as Grade })),
        effects: form.effects.map((e) => ({ id: e.id, name: name(e.names), urgency: e.urgency as Grade })),
        matrix: form.matrix,
        companies: companies.map((c) => ({
          ...c,
          mayRequestConsulting: actor.memberships.find((m) => m.companyId === c.id)?.mayRequestConsulting ?? false,
        })),
        canOpenOnBehalf: actor.staffRole !== null,
      };
    },
  );
}
