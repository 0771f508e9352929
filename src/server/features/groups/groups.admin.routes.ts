import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentAdminView, agentInput, agentUpdate, agentView, groupInput, groupView } from '../../../contracts/admin';
import type { AssignmentMode } from '../../../contracts/assignment';
import { errorBody } from '../../../contracts/errors';
import { text } from '../../../contracts/validation';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { forbidden, invalidFields, notFound } from '../../lib/errors';
import { requireActor, requireSystemAdmin } from '../../plugins/session';
import { audit } from '../audit/audit.service';
import { invite, reinvite } from '../auth/auth.mails';
import { addressOwner, requestEmailChange } from '../people/people.email';
import { createPerson, endSessions } from '../people/people.service';
import { rowIdParam } from '../../../contracts/ids';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const agentParams = z.object({ id: text().max(100) });
/** Agents are invited to the vendor's own portal, not to a customer company. */
const inviter = 'Atende';

async function listAgents(db: Db, id?: string) {
  const people = await db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'staff_role', 'active'])
    .where('staff_role', 'is not', null)
    .$if(id !== undefined, (q) => q.where('id', '=', id!))
    .orderBy('name')
    .execute();
  const members = people.length ? await db.selectFrom('group_member').select(['group_id', 'person_id']).where('person_id', 'in', people.map((p) => p.id)).execute() : [];
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.staff_role as 'agent' | 'admin',
    active: Boolean(p.active),
    groupIds: members.filter((m) => m.person_id === p.id).map((m) => m.group_id),
  }));
}

/** Agents as administration shows them: also whether each has yet to set a password, and a pending new e-mail. */
async function listAgentsForAdmin(db: Db, id?: string) {
  const agents = await listAgents(db, id);
  const ids = agents.map((a) => a.id);
  const withPassword = ids.length ? await db.selectFrom('account').select('person_id').where('person_id', 'in', ids).execute() : [];
  const hasPassword = new Set(withPassword.map((a) => a.person_id));
  const pending = ids.length ? await db.selectFrom('person').select(['id', 'pending_email']).where('id', 'in', ids).where('pending_email', 'is not', null).execute() : [];
  const pendingEmail = new Map(pending.map((p) => [p.id, p.pending_email]));
  return agents.map((a) => ({ ...a, invitationPending: !hasPassword.has(a.id), pendingEmail: pendingEmail.get(a.id) ?? null }));
}

/** Groups with their members, service lines and assignment settings (one or all). */
export async function listGroups(db: Db, id?: number) {
  const groups = await db.selectFrom('agent_group').select(['id', 'name', 'active', 'assignment', 'open_cap']).$if(id !== undefined, (q) => q.where('id', '=', id!)).orderBy('name').execute();
  const ids = groups.map((g) => g.id);
  const [members, lines] = ids.length
    ? await Promise.all([
        db.selectFrom('group_member').select(['group_id', 'person_id']).where('group_id', 'in', ids).execute(),
        db.selectFrom('group_service_line').select(['group_id', 'service_line_id']).where('group_id', 'in', ids).execute(),
      ])
    : [[], []];
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    active: Boolean(g.active),
    memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.person_id),
    serviceLineIds: lines.filter((l) => l.group_id === g.id).map((l) => l.service_line_id),
    assignment: { mode: g.assignment as AssignmentMode, openCap: g.open_cap },
  }));
}

/** The vendor's agents (invited by mail) and the groups that serve service lines; agents read, administrators edit. */
export async function groupsAdminRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/agents', { schema: { tags: ['admin'], summary: 'Agents and system administrators', response: { 200: z.object({ agents: z.array(agentAdminView) }), ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return { agents: await listAgentsForAdmin(db) };
  });

  r.post(
    '/api/admin/agents',
    { schema: { tags: ['admin'], summary: 'Invite an agent (or a system administrator)', body: agentInput, response: { 201: agentAdminView, ...errors } } },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const { name, email, role, language } = request.body;
      if (await addressOwner(db, email)) throw invalidFields({ email: 'validation.emailTaken' });
      const id = await db.transaction().execute(async (trx) => {
        const personId = await createPerson(trx, { name, email, staffRole: role, language });
        await invite(trx, config, personId, inviter);
        await audit(trx, { actorId: actor.id, action: 'agent.invited', targetType: 'person', targetId: personId, after: request.body });
        return personId;
      });
      app.ctx.pokeMail();
      return reply.status(201).send((await listAgentsForAdmin(db, id))[0]!);
    },
  );

  r.patch(
    '/api/admin/agents/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Rename, change the role or the e-mail of, or (de)activate an agent; a new e-mail takes effect once confirmed, and the old address may undo it",
        params: agentParams,
        body: agentUpdate,
        response: { 200: agentAdminView, ...errors },
      },
    },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const [before] = await listAgentsForAdmin(db, request.params.id);
      if (!before) throw notFound();
      if (before.id === actor.id && (request.body.active === false || request.body.role === 'agent')) throw invalidFields({ role: 'validation.notYourself' });
      const { email } = request.body;
      const emailChange = email !== undefined && (email !== before.email || before.pendingEmail !== null);
      // As for a contact: the invitation link already mailed would follow a new address.
      if (emailChange && before.invitationPending) throw invalidFields({ email: 'validation.invitationPendingEmail' });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('person')
          .set({ name: request.body.name, staff_role: request.body.role, active: request.body.active, updated_at: now() })
          .where('id', '=', before.id)
          .execute();
        if (request.body.active === false) await endSessions(trx, before.id);
        if (emailChange) await requestEmailChange(trx, config, { personId: before.id, newEmail: email, requester: actor, refuseTaken: true });
        const { invitationPending: _i, pendingEmail: _p, ...logged } = before;
        await audit(trx, { actorId: actor.id, action: 'agent.updated', targetType: 'person', targetId: before.id, before: logged, after: request.body });
      });
      app.ctx.pokeMail();
      return (await listAgentsForAdmin(db, before.id))[0]!;
    },
  );

  r.post(
    '/api/admin/agents/:id/invitation',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send the invitation again to an agent who has not set a password; earlier links stop working',
        params: agentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireSystemAdmin(request);
      const [agent] = await listAgents(db, request.params.id);
      if (!agent) throw notFound();
      await db.transaction().execute(async (trx) => {
        await reinvite(trx, config, agent.id, inviter);
        await audit(trx, { actorId: actor.id, action: 'agent.reinvited', targetType: 'person', targetId: agent.id, after: { email: agent.email } });
      });
      app.ctx.pokeMail();
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/staff/directory',
    {
      schema: {
        tags: ['groups'],
        summary: 'Groups and agents, for the assign and transfer pickers of every agent',
        response: { 200: z.object({ groups: z.array(groupView), agents: z.array(agentView) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.staffRole) throw forbidden();
      return { groups: await listGroups(db), agents: await listAgents(db) };
    },
  );

  r.get('/api/admin/groups', { schema: { tags: ['admin'], summary: 'Agent groups', response: { 200: z.object({ groups: z.array(groupView) }), ...errors } } }, async (request) => {
    requireSystemAdmin(request);
    return { groups: await listGroups(db) };
  });

  const save = async (actorId: string, input: z.infer<typeof groupInput>, id?: number) => {
    const agents = input.memberIds.length ? await db.selectFrom('person').select('id').where('id', 'in', input.memberIds).where('staff_role', 'is not', null).execute() : [];
    if (agents.length !== new Set(input.memberIds).size) throw invalidFields({ memberIds: 'validation.notInList' });
    const lines = input.serviceLineIds.length ? await db.selectFrom('service_line').select('id').where('id', 'in', input.serviceLineIds).execute() : [];
    if (lines.length !== new Set(input.serviceLineIds).size) throw invalidFields({ serviceLineIds: 'validation.notInList' });
    const clash = await db.selectFrom('agent_group').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== id) throw invalidFields({ name: 'validation.duplicate' });
    const before = id ? (await listGroups(db, id))[0] : undefined;
    if (id && !before) throw notFound();
    return db.transaction().execute(async (trx) => {
      const groupId = id
        ? (await trx.updateTable('agent_group').set({ name: input.name, active: input.active }).where('id', '=', id).returning('id').executeTakeFirstOrThrow()).id
        : (await trx.insertInto('agent_group').values({ name: input.name, active: input.active, created_at: now() }).returning('id').executeTakeFirstOrThrow()).id;
      await trx.deleteFrom('group_member').where('group_id', '=', groupId).execute();
      await trx.deleteFrom('group_service_line').where('group_id', '=', groupId).execute();
      const memberIds = [...new Set(input.memberIds)];
      const lineIds = [...new Set(input.serviceLineIds)];
      if (memberIds.length) await trx.insertInto('group_member').values(memberIds.map((person_id) => ({ group_id: groupId, person_id }))).execute();
      if (lineIds.length) await trx.insertInto('group_service_line').values(lineIds.map((service_line_id) => ({ group_id: groupId, service_line_id }))).execute();
      await audit(trx, { actorId, action: id ? 'group.updated' : 'group.created', targetType: 'group', targetId: groupId, before, after: input });
      return groupId;
    });
  };

  r.post('/api/admin/groups', { schema: { tags: ['admin'], summary: 'Create a group', body: groupInput, response: { 201: groupView, ...errors } } }, async (request, reply) => {
    const actor = requireSystemAdmin(request);
    const id = await save(actor.id, request.body);
    return reply.status(201).send((await listGroups(db, id))[0]!);
  });

  r.put(
    '/api/admin/groups/:id',
    { schema: { tags: ['admin'], summary: "Replace a group's name, members and service lines", params: z.object({ id: rowIdParam }), body: groupInput, response: { 200: groupView, ...errors } } },
    async (request) => {
      const actor = requireSystemAdmin(request);
      const id = await save(actor.id, request.body, request.params.id);
      return (await listGroups(db, id))[0]!;
    },
  );
}
