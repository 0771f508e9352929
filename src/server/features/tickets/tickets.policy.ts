import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';

type TicketScope = ExpressionBuilder<Database, 'ticket'>;

/**
 * The tickets an actor may read, as a where-clause for every ticket query:
 * - a system administrator: every ticket; an agent: the tickets of their groups;
 * - a customer: in the companies they belong to, all tickets where they see all
 *   (portal administrators always do), else the ones they requested or are copied on.
 *
 * `groupIndex: false`: SQLite should not read an agent's tickets through the group index
 * (`+group_id` hides it from the planner), which for an agent of several lines holds most tickets:
 * a page in a sort's order walks the sort's index instead, a count of recently closed tickets
 * the closing time's.
 */
export function readableBy(actor: Actor, { groupIndex = true } = {}) {
  return (eb: TicketScope): Expression<SqlBool> => {
    if (actor.staffRole === 'admin') return eb.lit(true);
    if (actor.staffRole === 'agent') {
      if (!actor.groupIds.length) return eb.lit(false);
      return eb(groupIndex ? eb.ref('ticket.group_id') : sql<number>`+ticket.group_id`, 'in', actor.groupIds);
    }
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

/** Whether the actor sees internal detail (notes, the full history); customers see the public part. */
export function seesInternal(actor: Actor): boolean {
  return actor.staffRole !== null;
}

export const ticketActions = [
  'reply',
  'note',
  'take',
  'assign',
  'transfer',
  'edit',
  'setStatus',
  'proposeSolution',
  'confirm',
  'reject',
  'reopen',
  'rate',
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** What a policy needs to know of a ticket the actor can already read. */
export type TicketFacts = {
  status: string;
  requesterId: string;
  companyId: number;
  closedAt: Date | null;
  rating: number | null;
  assigneeId: string | null;
};

/**
 * Whether an actor who can read a ticket may take an action on it. The presenter sends the
 * answers to the browser, so buttons follow these rules instead of re-implementing them.
 */
export function can(actor: Actor, action: TicketAction, ticket: TicketFacts, now = new Date(), reopenDays = 15): boolean {
  const open = ticket.status !== 'closed';
  if (actor.staffRole) {
    switch (action) {
      case 'note':
        return true;
      case 'reply':
      case 'assign':
      case 'transfer':
      case 'edit':
      case 'setStatus':
      case 'proposeSolution':
        return open;
      case 'take':
        return open && ticket.assigneeId !== actor.id;
      default:
        return false;
    }
  }
  const isRequester = ticket.requesterId === actor.id;
  const speaksForCompany = actor.memberships.some((m) => m.companyId === ticket.companyId && m.seesAllTickets);
  switch (action) {
    case 'reply':
      return open;
    case 'confirm':
    case 'reject':
      return ticket.status === 'solution_proposed' && (isRequester || speaksForCompany);
    case 'reopen':
      return (
        ticket.status === 'closed' &&
        isRequester &&
        ticket.closedAt !== null &&
        now.getTime() - ticket.closedAt.getTime() <= reopenDays * 86_400_000
      );
    case 'rate':
      return ticket.status === 'closed' && isRequester && ticket.rating === null;
    default:
      return false;
  }
}
