import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';

type TicketScope = ExpressionBuilder<Database, 'ticket'>;

/**
 * The tickets an actor may read, as a where-clause for every ticket query:
 * - staff: every ticket;
 * - a customer: in the companies they belong to, all tickets where they see all
 *   (portal administrators always do), else the ones they requested or are copied on.
 */
export function readableBy(actor: Actor) {
  return (eb: TicketScope): Expression<SqlBool> => {
    if (actor.staffRole) return eb.lit(true);
    const seeAll = actor.memberships.filter((m) => m.seesAllTickets).map((m) => m.companyId);
    const ownOnly = actor.memberships.filter((m) => !m.seesAllTickets).map((m) => m.companyId);
    const branches: Expression<SqlBool>[] = [];
    if (seeAll.length) branches.push(eb('ticket.company_id', 'in', seeAll));
    if (ownOnly.length) {
      branches.push(
        eb.and([
          eb('ticket.company_id', 'in', ownOnly),
          eb.or([
            eb('ticket.requester_id', '=', actor.id),
            eb.exists(
              eb
                .selectFrom('ticket_copy')
                .select('ticket_copy.ticket_id')
                .whereRef('ticket_copy.ticket_id', '=', 'ticket.id')
                .where('ticket_copy.email', '=', actor.email),
            ),
          ]),
        ]),
      );
    }
    return branches.length ? eb.or(branches) : eb.lit(false);
  };
}

/** Whether the actor sees internal detail (the full history); customers see the public part. */
export function seesInternal(actor: Actor): boolean {
  return actor.staffRole !== null;
}
