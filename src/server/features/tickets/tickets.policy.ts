import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';

type TicketQuery = ExpressionBuilder<Database, 'ticket'>;

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
  return (eb: TicketQuery): Expression<SqlBool> => {
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

/** Where a ticket is: the facts `readableBy` decides by (its copies aside), and its number. */
export type TicketScope = { ticketId: number; number: number; groupId: number | null; companyId: number; requesterId: string };

/**
 * `readableBy` for one ticket held in memory (the live streams decide with it who hears of a
 * change): whether the actor reads it, or that it depends on whether the actor's address is copied
 * on it. A test holds it equal to `readableBy` over every kind of actor and ticket.
 */
export function ticketReader(actor: Actor, ticket: Pick<TicketScope, 'groupId' | 'companyId' | 'requesterId'>): 'reads' | 'not' | 'ifCopied' {
  if (actor.staffRole === 'admin') return 'reads';
  if (actor.staffRole === 'agent') return ticket.groupId !== null && actor.groupIds.includes(ticket.groupId) ? 'reads' : 'not';
  const membership = actor.memberships.find((m) => m.companyId === ticket.companyId);
  if (!membership) return 'not';
  if (membership.seesAllTickets || ticket.requesterId === actor.id) return 'reads';
  return 'ifCopied';
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
  'closeWithReason',
  'merge',
  'link',
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
  /** Merged into another ticket: closed for good (features/links). */
  merged?: boolean;
};

/** Why an actor who reads a ticket may not take an action on it now: never (403), or not in its current state (409). */
export type Refusal = 'forbidden' | 'conflict';

/**
 * Whether an actor who can read a ticket may take an action on it: undefined when they may, else
 * why not. An action of the actor's role and relation to the ticket that its state does not allow
 * now (confirming a solution no longer proposed, replying to a closed ticket, taking one's own) is
 * a conflict; one they may never take is forbidden.
 */
export function refusal(actor: Actor, action: TicketAction, ticket: TicketFacts, now = new Date(), reopenDays = 15): Refusal | undefined {
  const [theirs, allowedNow] = rule(actor, action, ticket, now, reopenDays);
  return !theirs ? 'forbidden' : !allowedNow ? 'conflict' : undefined;
}

/**
 * Whether an actor who can read a ticket may take an action on it now. The presenter sends the
 * answers to the browser, so buttons follow these rules instead of re-implementing them.
 */
export function can(actor: Actor, action: TicketAction, ticket: TicketFacts, now = new Date(), reopenDays = 15): boolean {
  return refusal(actor, action, ticket, now, reopenDays) === undefined;
}

/** [whether the action is ever the actor's on this ticket, whether the ticket's state allows it now]. */
function rule(actor: Actor, action: TicketAction, ticket: TicketFacts, now: Date, reopenDays: number): [boolean, boolean] {
  const open = ticket.status !== 'closed';
  if (actor.staffRole) {
    switch (action) {
      case 'note':
        return [true, true];
      case 'reply':
      case 'assign':
      case 'transfer':
      case 'edit':
      case 'setStatus':
      case 'proposeSolution':
      case 'closeWithReason':
      case 'merge':
        return [true, open];
      case 'link':
        return [true, !ticket.merged];
      case 'take':
        return [true, open && ticket.assigneeId !== actor.id];
      default:
        return [false, false];
    }
  }
  const isRequester = ticket.requesterId === actor.id;
  const speaksForCompany = actor.memberships.some((m) => m.companyId === ticket.companyId && m.seesAllTickets);
  switch (action) {
    case 'reply':
      return [true, open];
    case 'confirm':
    case 'reject':
      return [isRequester || speaksForCompany, ticket.status === 'solution_proposed'];
    case 'reopen':
      return [
        isRequester,
        ticket.status === 'closed' && !ticket.merged && ticket.closedAt !== null && now.getTime() - ticket.closedAt.getTime() <= reopenDays * 86_400_000,
      ];
    case 'rate':
      return [isRequester, ticket.status === 'closed' && ticket.rating === null];
    default:
      return [false, false];
  }
}
