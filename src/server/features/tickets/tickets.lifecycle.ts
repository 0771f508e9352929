import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { levels } from '../../../contracts/criticality';
import { localized } from '../../../contracts/i18n';
import type { ratingInput, ticketUpdateInput } from '../../../contracts/tickets';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { inlineLimit } from '../../db/limit';
import type { AppContext } from '../../context';
import { forbidden, invalidFields } from '../../lib/errors';
import { recordEvent } from '../../lib/events';
import type { Actor } from '../auth/auth.actor';
import { syncTicketClocks } from '../sla/sla.service';
import { conflict, recordChanges, statusChange, type TicketChange, type TicketSet } from './tickets.events';
import { notifyAgents, notifyCustomers } from './tickets.notify';
import { refusal, type TicketAction } from './tickets.policy';
import type { StoredCriticality } from './tickets.presenter';
import type { TicketFactsRow } from './tickets.repository';

type Update = z.infer<typeof ticketUpdateInput>;

/**
 * Refuses an action the actor may not take on the ticket: 403 when it is never theirs, 409 when
 * the ticket's state does not allow it now, with what changed since the revision they saw.
 */
async function assertCan(
  db: Kysely<Database>,
  actor: Actor,
  action: TicketAction,
  ticket: TicketFactsRow,
  { seen = ticket.revision, reopenDays }: { seen?: number; reopenDays?: number } = {},
) {
  const why = refusal(actor, action, ticket, new Date(), reopenDays);
  if (why === 'forbidden') throw forbidden();
  if (why === 'conflict') await conflict(db, ticket.id, seen, 'tickets.notNow');
}

/** The agent takes the ticket: assigned to them, and in progress if it was new. */
export async function takeTicket(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, revision: number) {
  await assertCan(ctx.db, actor, 'take', ticket, { seen: revision });
  await ctx.db.transaction().execute(async (trx) => {
    const changes: TicketChange[] = [{ kind: 'assigned', field: 'assignee', from: null, to: actor.name, public: false }];
    const set: TicketSet = { assignee_id: actor.id };
    if (ticket.status === 'new') {
      changes.push(statusChange('new', 'in_progress'));
      set.status = 'in_progress';
    }
    if ((await recordChanges(trx, ticket.id, actor.id, changes, set, { revision, status: ticket.status })) === undefined) await conflict(trx, ticket.id, revision);
  });
}

/** What an edit needs of the context: its database handle may be a caller's transaction (a macro's). */
type EditContext = Pick<AppContext, 'config'> & { db: Kysely<Database> };

/**
 * An agent's edit: status, assignee, group (with a note), category, module, routine, version,
 * environment, criticality (with a reason). Checked like the opening form; stale → 409. One
 * transaction, the caller's when `ctx.db` is one.
 */
export async function updateTicket(ctx: EditContext, actor: Actor, ticket: TicketFactsRow, input: Update) {
  const { db } = ctx;
  const fields: Record<string, string> = {};
  const changes: TicketChange[] = [];
  const set: TicketSet = {};

  if (input.status !== undefined && input.status !== ticket.status) {
    await assertCan(db, actor, 'setStatus', ticket, { seen: input.revision });
    changes.push(statusChange(ticket.status, input.status));
    set.status = input.status;
  }
  const groupId = input.groupId ?? ticket.group_id;
  if (input.groupId !== undefined && input.groupId !== ticket.group_id) {
    await assertCan(db, actor, 'transfer', ticket, { seen: input.revision });
    const group = await db.selectFrom('agent_group').select(['id', 'name']).where('id', '=', input.groupId).where('active', '=', true).executeTakeFirst();
    if (!group) fields.groupId = 'validation.notInList';
    if (!input.transferNote) fields.transferNote = 'validation.required';
    const from = ticket.group_id
      ? (await db.selectFrom('agent_group').select('name').where('id', '=', ticket.group_id).executeTakeFirst())?.name
      : null;
    changes.push({ kind: 'transferred', field: 'group', from, to: group?.name ?? null, note: input.transferNote, public: false });
    set.group_id = input.groupId;
    if (input.assigneeId === undefined) set.assignee_id = null;
  }
  if (input.assigneeId !== undefined && input.assigneeId !== ticket.assignee_id) {
    await assertCan(db, actor, 'assign', ticket, { seen: input.revision });
    const agent = input.assigneeId
      ? await db
          .selectFrom('person')
          .innerJoin('group_member', 'group_member.person_id', 'person.id')
          .select(['person.id', 'person.name'])
          .where('person.id', '=', input.assigneeId)
          .where('person.active', '=', true)
          .where('group_member.group_id', '=', groupId ?? -1)
          .executeTakeFirst()
      : null;
    if (input.assigneeId && !agent) fields.assigneeId = 'validation.agentOfGroup';
    const from = ticket.assignee_id ? (await db.selectFrom('person').select('name').where('id', '=', ticket.assignee_id).executeTakeFirst())?.name : null;
    changes.push({ kind: 'assigned', field: 'assignee', from, to: agent?.name ?? null, public: false });
    set.assignee_id = input.assigneeId;
  }

  await classify(ctx, actor, ticket, input, fields, changes, set);

  if (input.criticality !== undefined && input.criticality !== ticket.criticality) {
    await assertCan(db, actor, 'edit', ticket, { seen: input.revision });
    if (!input.criticalityReason) fields.criticalityReason = 'validation.required';
    const stored = JSON.parse(ticket.criticality_reason) as StoredCriticality;
    changes.push({ kind: 'criticality', field: 'criticality', from: ticket.criticality, to: input.criticality, note: input.criticalityReason, public: true });
    set.criticality = input.criticality;
    set.criticality_rank = levels.indexOf(input.criticality);
    set.criticality_reason = JSON.stringify({ ...stored, override: { reason: input.criticalityReason ?? '' } });
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
  if (changes.length === 0) return;

  await inTransaction(db, async (trx) => {
    const seen = { revision: input.revision, status: ticket.status };
    if ((await recordChanges(trx, ticket.id, actor.id, changes, set, seen)) === undefined) await conflict(trx, ticket.id, input.revision);
    if (set.status === 'waiting_customer') {
      await notifyCustomers(trx, ctx.config.publicUrl, ticket.id, (t) => [t('mail.ticketReply.waiting')], `status-${Date.now()}`);
    }
  });
}

/**
 * Category, module, routine, version and environment changes, checked against the ticket's service line.
 * Any of them is an edit: refused like a criticality change where the actor may not edit (a closed ticket).
 */
async function classify(
  ctx: EditContext,
  actor: Actor,
  ticket: TicketFactsRow,
  input: Update,
  fields: Record<string, string>,
  changes: TicketChange[],
  set: TicketSet,
) {
  const { db } = ctx;
  const requested: [number | null | undefined, number | null][] = [
    [input.categoryId, ticket.category_id],
    [input.moduleId, ticket.module_id],
    [input.routineId, ticket.routine_id],
    [input.versionId, ticket.version_id],
    [input.environmentId, ticket.environment_id],
  ];
  if (requested.some(([next, current]) => next !== undefined && next !== current)) await assertCan(db, actor, 'edit', ticket, { seen: input.revision });
  const name = async (table: 'module' | 'routine' | 'version' | 'environment', id: number | null) =>
    id === null ? null : ((await db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? null);
  if (input.categoryId !== undefined) {
    const [from, to] = await Promise.all(
      [ticket.category_id, input.categoryId].map((id) => db.selectFrom('category').select(['names', 'active']).where('id', '=', id).executeTakeFirst()),
    );
    if (input.categoryId !== ticket.category_id) {
      if (!to?.active) fields.categoryId = 'validation.notInList';
      changes.push({ kind: 'field', field: 'category', from: from && localized(JSON.parse(from.names), 'pt-BR'), to: to && localized(JSON.parse(to.names), 'pt-BR'), public: true });
      set.category_id = input.categoryId;
    }
  }
  const moduleId = input.moduleId ?? ticket.module_id;
  if (input.moduleId !== undefined && input.moduleId !== ticket.module_id) {
    const module = await db.selectFrom('module').select('id').where('id', '=', input.moduleId).where('service_line_id', '=', ticket.service_line_id).where('active', '=', true).executeTakeFirst();
    if (!module) fields.moduleId = 'validation.notInList';
    if (input.routineId === undefined) fields.routineId = 'validation.required';
    changes.push({ kind: 'field', field: 'module', from: await name('module', ticket.module_id), to: await name('module', input.moduleId), public: true });
    set.module_id = input.moduleId;
  }
  if (input.routineId !== undefined && input.routineId !== ticket.routine_id) {
    const routine = await db.selectFrom('routine').select('id').where('id', '=', input.routineId).where('module_id', '=', moduleId).where('active', '=', true).executeTakeFirst();
    if (!routine) fields.routineId = 'validation.routineOfModule';
    changes.push({ kind: 'field', field: 'routine', from: await name('routine', ticket.routine_id), to: await name('routine', input.routineId), public: true });
    set.routine_id = input.routineId;
  }
  for (const [table, key, current] of [
    ['version', 'versionId', ticket.version_id],
    ['environment', 'environmentId', ticket.environment_id],
  ] as const) {
    const next = input[key];
    if (next === undefined || next === current) continue;
    if (next !== null) {
      const found = await db.selectFrom(table).select('id').where('id', '=', next).where('service_line_id', '=', ticket.service_line_id).where('active', '=', true).executeTakeFirst();
      if (!found) fields[key] = 'validation.notInList';
    }
    changes.push({ kind: 'field', field: table, from: await name(table, current), to: await name(table, next), public: true });
    set[`${table}_id`] = next;
  }
}

/** The customer accepts the proposed solution: the ticket closes and asks for a rating. */
export async function confirmSolution(ctx: AppContext, actor: Actor, ticket: TicketFactsRow) {
  await assertCan(ctx.db, actor, 'confirm', ticket);
  await ctx.db.transaction().execute(async (trx) => {
    const closed = await recordChanges(trx, ticket.id, actor.id, [statusChange(ticket.status, 'closed')], { status: 'closed', closed_at: now() }, ticket);
    if (closed === undefined) await conflict(trx, ticket.id, ticket.revision);
    await notifyCustomers(trx, ctx.config.publicUrl, ticket.id, (t) => [t('mail.ticketReply.closed')], `closed-${Date.now()}`);
  });
}

/** The customer rejects the proposed solution with a comment: back to the agents. */
export async function rejectSolution(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, comment: string) {
  await assertCan(ctx.db, actor, 'reject', ticket);
  await customerTurn(ctx, actor, ticket, 'rejection', comment, 'mail.ticketReply.rejected');
}

/** The requester reopens a closed ticket within the allowed days, saying why. */
export async function reopenTicket(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, comment: string) {
  await assertCan(ctx.db, actor, 'reopen', ticket, { reopenDays: ctx.config.tickets.reopenDays });
  await customerTurn(ctx, actor, ticket, 'reopening', comment, 'mail.ticketReply.reopened');
}

async function customerTurn(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, kind: string, comment: string, mailKey: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await recordChanges(
      trx,
      ticket.id,
      actor.id,
      [statusChange(ticket.status, 'in_progress')],
      { status: 'in_progress', closed_at: null, solution_proposed_at: null, rating: null, rating_comment: null, close_reason_id: null },
      ticket,
    );
    if (moved === undefined) await conflict(trx, ticket.id, ticket.revision);
    const { id } = await trx
      .insertInto('ticket_article')
      .values({ ticket_id: ticket.id, author_id: actor.id, kind, body: comment, internal: false, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    recordEvent(trx, { type: 'article.added', ticketId: ticket.id, articleId: id, authorId: actor.id, byStaff: actor.staffRole !== null, internal: false, body: comment });
    await syncTicketClocks(trx, ticket.id, { startNextResponse: true });
    await notifyAgents(trx, ctx.config.publicUrl, ticket.id, (t) => [t(mailKey, { author: actor.name }), comment], `article-${id}`);
  });
}

/** The requester rates a closed ticket once: 1–5 and a comment. */
export async function rateTicket(ctx: AppContext, actor: Actor, ticket: TicketFactsRow, input: z.infer<typeof ratingInput>) {
  await assertCan(ctx.db, actor, 'rate', ticket);
  await ctx.db.transaction().execute(async (trx) => {
    const rated = await recordChanges(
      trx,
      ticket.id,
      actor.id,
      [{ kind: 'rated', field: 'rating', to: String(input.score), note: input.comment ?? null, public: true }],
      { rating: input.score, rating_comment: input.comment ?? null },
      ticket,
    );
    if (rated === undefined) await conflict(trx, ticket.id, ticket.revision);
  });
}

/**
 * Closes the solutions left unconfirmed for the configured days. Each ticket closes in a
 * conditional update, so with several processes running the job each closes exactly once.
 *
 * On SQLite every statement completes synchronously, so without a pause a whole pass (up to 500
 * closings, about a second when a backlog has formed) would run without the event loop turning:
 * each closing is its own short transaction, begun without sleeping in SQLite's busy handler
 * while another process writes, and the process serves its requests between two closings.
 */
export async function closeUnconfirmedSolutions(ctx: Pick<AppContext, 'db' | 'config'>): Promise<number> {
  const { db, config } = ctx;
  const cutoff = new Date(Date.now() - config.tickets.autoCloseDays * 86_400_000).toISOString();
  const due = await db
    .selectFrom('ticket')
    .select(['id', 'revision'])
    .where('status', '=', 'solution_proposed')
    .where('solution_proposed_at', '<', cutoff)
    .limit(inlineLimit(500))
    .execute();
  let closed = 0;
  for (const ticket of due) {
    await new Promise((resolve) => setImmediate(resolve));
    await db.transaction().execute(async (trx) => {
      const revision = await recordChanges(
        trx,
        ticket.id,
        null,
        [statusChange('solution_proposed', 'closed')],
        { status: 'closed', closed_at: now() },
        { revision: ticket.revision, status: 'solution_proposed' },
      );
      if (revision === undefined) return;
      closed++;
      await notifyCustomers(trx, config.publicUrl, ticket.id, (t) => [t('mail.ticketReply.autoClosed', { days: config.tickets.autoCloseDays })], 'auto-closed');
    });
  }
  return closed;
}
