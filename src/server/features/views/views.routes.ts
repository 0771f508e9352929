import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { savedView, savedViewList, viewCounts, viewInput, viewUpdate } from '../../../contracts/views';
import { requireActor } from '../../plugins/session';
import { createView, deleteView, listViews, shareableGroups, updateView, viewCounts as countViews } from './views.service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const params = z.object({ id: rowIdParam });

/** Saved views of the agent workspace and the sidebar's counts; agents and the system administrator only. */
export async function viewsRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/views',
    { schema: { tags: ['views'], summary: 'The saved views I see (mine, my groups’, all agents’) and the groups I may share one with', response: { 200: savedViewList, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return { views: await listViews(db, actor), groups: await shareableGroups(db, actor) };
    },
  );

  r.get(
    '/api/views/counts',
    {
      schema: {
        tags: ['views'],
        summary: 'How many tickets each built-in and saved view holds, up to 99 (then `capped`: "99+")',
        response: { 200: viewCounts, ...errors },
      },
    },
    async (request) => countViews(db, requireActor(request)),
  );

  r.post(
    '/api/views',
    {
      schema: {
        tags: ['views'],
        summary: 'Save a view: personal, shared with a group I am in, or (system administrator) with all agents',
        body: viewInput,
        response: { 201: savedView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createView(db, requireActor(request), request.body)),
  );

  r.patch(
    '/api/views/:id',
    {
      schema: {
        tags: ['views'],
        summary: 'Change a view I may edit; 409 when it changed since `revision`',
        params,
        body: viewUpdate,
        response: { 200: savedView, ...errors, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => updateView(db, requireActor(request), request.params.id, request.body),
  );

  r.delete(
    '/api/views/:id',
    {
      schema: {
        tags: ['views'],
        summary: 'Delete a view I may edit; 409 when it changed since `revision`',
        params,
        querystring: z.object({ revision: rowIdParam }),
        response: { 204: z.null(), ...errors, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteView(db, requireActor(request), request.params.id, request.query.revision);
      return reply.status(204).send(null);
    },
  );
}
