import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupView } from '../../../contracts/admin';
import { agentSkills, availability, groupAssignment } from '../../../contracts/assignment';
import { errorBody } from '../../../contracts/errors';
import { rowIdParam } from '../../../contracts/ids';
import { text } from '../../../contracts/validation';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { forbidden, invalidFields, notFound } from '../../lib/errors';
import { requireActor, requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { listGroups } from '../groups/groups.admin.routes';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

async function isAvailable(db: Db, personId: string): Promise<boolean> {
  const row = await db.selectFrom('agent_availability').select('available').where('person_id', '=', personId).executeTakeFirst();
  return row === undefined || Boolean(row.available);
}

async function skillsOf(db: Db, personId: string): Promise<number[]> {
  const rows = await db.selectFrom('agent_skill').select('module_id').where('person_id', '=', personId).orderBy('module_id').execute();
  return rows.map((r) => r.module_id);
}

/**
 * Automatic assignment (assignment.service.ts does it, in each opening): an agent's own availability,
 * and the system administrator's settings of each group (under the groups' administration) and
 * each agent's skills.
 */
export async function assignmentRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/availability',
    { schema: { tags: ['assignment'], summary: 'Whether I take new tickets of automatic assignment now (agents)', response: { 200: availability, 401: errorBody, 403: errorBody } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return { available: await isAvailable(db, actor.id) };
    },
  );

  r.put(
    '/api/me/availability',
    { schema: { tags: ['assignment'], summary: 'Mark myself available or away (agents)', body: availability, response: { 200: availability, 400: errorBody, 401: errorBody, 403: errorBody } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      const { available } = request.body;
      await db
        .insertInto('agent_availability')
        .values({ person_id: actor.id, available, updated_at: now() })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ available, updated_at: now() }))
        .execute();
      return { available };
    },
  );

  r.put(
    '/api/admin/groups/:id/assignment',
    {
      schema: {
        tags: ['admin'],
        summary: "Set how a group's new tickets get an assignee: manually, round-robin or least-loaded, with a cap of open tickets per agent",
        params: z.object({ id: rowIdParam }),
        body: groupAssignment,
        response: { 200: groupView, ...errors },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const [before] = await listGroups(db, request.params.id);
      if (!before) throw notFound();
      const { mode, openCap } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('agent_group').set({ assignment: mode, open_cap: openCap }).where('id', '=', before.id).execute();
        await audit(trx, { actorId: actor.id, action: 'group.assignment', targetType: 'group', targetId: before.id, before: before.assignment, after: request.body });
      });
      return (await listGroups(db, before.id))[0]!;
    },
  );

  const agentParams = z.object({ id: text().max(100) });
  const findAgent = async (id: string) => {
    const agent = await db.selectFrom('person').select('id').where('id', '=', id).where('staff_role', 'is not', null).executeTakeFirst();
    if (!agent) throw notFound();
    return agent;
  };

  r.get(
    '/api/admin/agents/:id/skills',
    { schema: { tags: ['admin'], summary: "An agent's skills: the modules whose tickets go to them first", params: agentParams, response: { 200: agentSkills, ...errors } } },
    async (request) => {
      requireSystemAdmin(request);
      const agent = await findAgent(request.params.id);
      return { moduleIds: await skillsOf(db, agent.id) };
    },
  );

  r.put(
    '/api/admin/agents/:id/skills',
    { schema: { tags: ['admin'], summary: "Replace an agent's skills", params: agentParams, body: agentSkills, response: { 200: agentSkills, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const agent = await findAgent(request.params.id);
      const moduleIds = [...new Set(request.body.moduleIds)];
      const found = moduleIds.length ? await db.selectFrom('module').select('id').where('id', 'in', moduleIds).execute() : [];
      if (found.length !== moduleIds.length) throw invalidFields({ moduleIds: 'validation.notInList' });
      const before = await skillsOf(db, agent.id);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('agent_skill').where('person_id', '=', agent.id).execute();
        if (moduleIds.length) await trx.insertInto('agent_skill').values(moduleIds.map((module_id) => ({ person_id: agent.id, module_id }))).execute();
        await audit(trx, { actorId: actor.id, action: 'agent.skills', targetType: 'person', targetId: agent.id, before: { moduleIds: before }, after: { moduleIds } });
      });
      return { moduleIds: await skillsOf(db, agent.id) };
    },
  );
}
