import type { Kysely, Updateable } from 'kysely';
import { iso, now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordEvent } from '../../lib/events';
import { syncTicketClocks } from '../sla/sla.service';
import type { TicketScope } from './tickets.policy';
import type { TicketTable } from './tickets.tables';

declare module '../../lib/events' {
  interface DomainEvents {
    /** A ticket was opened; `assigneeId` is who the group's assignment gave it to. */
    'ticket.opened': TicketScope & { actorId: string; assigneeId: string | null; revision: number };
    /**
     * A change recorded by `recordChanges`: public when a customer sees any of it. `assigneeId` when
     * the assignee changed (null: nobody now), `formerGroupId` when the ticket left that group.
     */
    'ticket.changed': TicketScope & { actorId: string | null; revision: number; public: boolean; assigneeId?: string | null; formerGroupId?: number | null };
    /** A reply, note, rejection or reopening was added to a ticket. */
    'article.added': { ticketId: number; articleId: number; authorId: string; byStaff: boolean; internal: boolean; body: string };
  }
}

/** Columns a change may set on the ticket (revision and update time are bumped for you). */
export type TicketSet = Omit<Updateable<TicketTable>, 'id' | 'number' | 'revision' | 'updated_at'>;

export type TicketChange = {
  kind: string;
  field?: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  /** Customers see only public changes. */
  public: boolean;
};

/** The state of a ticket that a change was decided from: its revision and status. */
export type SeenState = { revision: number; status: string };

/**
 * Bumps the ticket's revision and update time and records each change in the history, in the
 * caller's transaction — only if the ticket is still as seen (the revision and the status in the
 * update's WHERE, so that of two changes decided from one state, on either engine, one wins).
 * Returns the new revision, or undefined when the ticket had moved on: nothing was written, and
 * the caller answers 409 (`conflict`), which rolls back its transaction. Records the change as a
 * domain event (`ticket.changed`), told after the commit (lib/events.ts).
 */
export async function recordChanges(
  trx: Kysely<Database>,
  ticketId: number,
  actorId: string | null,
  changes: TicketChange[],
  set: TicketSet,
  seen: SeenState,
): Promise<number | undefined> {
  const at = now();
  // A transfer is told to the group the ticket leaves too (its lists and counts change). The update
  // below is conditional on the revision, so the group read here is the one it replaces.
  const former = set.group_id !== undefined ? await trx.selectFrom('ticket').select('group_id').where('id', '=', ticketId).executeTakeFirst() : undefined;
  const updated = await trx
    .updateTable('ticket')
    // Entering "waiting for the customer" starts the clock of the reminder and closing (features/closing).
    .set((eb) => ({ ...(set.status === 'waiting_customer' ? { waiting_since: at } : {}), ...set, updated_at: at, revision: eb('revision', '+', 1) }))
    .where('id', '=', ticketId)
    .where('revision', '=', seen.revision)
    .where('status', '=', seen.status)
    .returning(['revision', 'number', 'group_id', 'company_id', 'requester_id'])
    .executeTakeFirst();
  if (!updated) return undefined;
  const { revision } = updated;
  // What the SLA clocks depend on: the status pauses, resumes, closes them; the rest rematches the policy.
  if (set.status !== undefined || set.criticality !== undefined || set.category_id !== undefined || set.service_line_id !== undefined) {
    await syncTicketClocks(trx, ticketId);
  }
  recordEvent(trx, {
    type: 'ticket.changed',
    ticketId,
    number: updated.number,
    groupId: updated.group_id,
    companyId: updated.company_id,
    requesterId: updated.requester_id,
    actorId,
    revision,
    public: changes.some((c) => c.public),
    ...(set.assignee_id !== undefined ? { assigneeId: set.assignee_id } : {}),
    ...(former && former.group_id !== updated.group_id ? { formerGroupId: former.group_id } : {}),
  });
  if (changes.length) {
    await trx
      .insertInto('ticket_event')
      .values(
        changes.map((c) => ({
          ticket_id: ticketId,
          actor_id: actorId,
          kind: c.kind,
          field: c.field ?? null,
          from_value: c.from ?? null,
          to_value: c.to ?? null,
          note: c.note ?? null,
          public: c.public,
          revision,
          created_at: at,
        })),
      )
      .execute();
  }
  return revision;
}

/** A status change is public unless the customer would see no difference ("on hold" reads as in progress). */
export function statusChange(from: string, to: string): TicketChange {
  const seen = (s: string) => (s === 'on_hold' ? 'in_progress' : s);
  return { kind: 'status', field: 'status', from, to, public: seen(from) !== seen(to) };
}

/**
 * 409 with what changed since the revision the caller saw, so nothing is silently lost. The
 * message says that the ticket changed under an edit (`tickets.conflict`) or that its state no
 * longer allows the action (`tickets.notNow`, `tickets.closedNoReply`).
 */
export async function conflict(db: Kysely<Database>, ticketId: number, seen: number, messageKey = 'tickets.conflict'): Promise<never> {
  const changes = await db
    .selectFrom('ticket_event')
    .leftJoin('person', 'person.id', 'ticket_event.actor_id')
    .select(['ticket_event.field', 'ticket_event.kind', 'ticket_event.from_value', 'ticket_event.to_value', 'ticket_event.created_at', 'person.name'])
    .where('ticket_event.ticket_id', '=', ticketId)
    .where('ticket_event.revision', '>', seen)
    .orderBy('ticket_event.id')
    .execute();
  const current = await db.selectFrom('ticket').select('revision').where('id', '=', ticketId).executeTakeFirstOrThrow();
  throw new AppError('conflict', messageKey, {
    details: {
      revision: current.revision,
      changed: changes.map((c) => ({ field: c.field ?? c.kind, from: c.from_value, to: c.to_value, by: c.name ?? 'Atende', at: iso(c.created_at) })),
    },
  });
}
