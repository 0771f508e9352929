import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict, recordChanges, type TicketChange } from '../tickets/tickets.events';

/**
 * Records a change on a ticket the actor did not decide from a revision they saw (the other side
 * of a link or merge): read as it is now and written conditionally on that, read again when it
 * moved meanwhile, 409 after three tries.
 */
export async function touchTicket(trx: Kysely<Database>, ticketId: number, actorId: string, change: TicketChange): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const seen = await trx.selectFrom('ticket').select(['revision', 'status']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    const revision = await recordChanges(trx, ticketId, actorId, [change], {}, seen);
    if (revision !== undefined) return revision;
    if (attempt === 3) return conflict(trx, ticketId, seen.revision);
  }
}
