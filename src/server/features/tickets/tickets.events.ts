import type { Kysely, Updateable } from 'kysely';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import type { TicketTable } from './tickets.tables';

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

/**
 * Bumps the ticket's revision and update time and records each change in the history,
 * in the caller's transaction. Returns the new revision, or undefined when the ticket had moved on.
 */
export async function recordChanges(
  trx: Kysely<Database>,
  ticketId: number,
  actorId: string | null,
  changes: TicketChange[],
  set: TicketSet = {},
  /** When given, the write happens only if the ticket is still at this revision. */
  expectedRevision?: number,
): Promise<number | undefined> {
  const at = now();
  const updated = await trx
    .updateTable('ticket')
    .set((eb) => ({ ...set, updated_at: at, revision: eb('revision', '+', 1) }))
    .where('id', '=', ticketId)
    .$if(expectedRevision !== undefined, (q) => q.where('revision', '=', expectedRevision!))
    .returning('revision')
    .executeTakeFirst();
  if (!updated) return undefined;
  const { revision } = updated;
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
