import type { Activity } from '../../../contracts/live';
import type { Db } from '../../db/database';
import type { DomainEvent } from '../../lib/events';
import type { TicketScope } from '../tickets/tickets.policy';

/**
 * What the processes tell each other (lib/events stays in one process): small, and with the facts
 * each process needs to decide, stream by stream, who may hear it (`ticketReader`).
 */
export type LiveMessage =
  /** A ticket changed; `public` when a customer sees any of the change. */
  | { t: 'ticket'; scope: TicketScope; revision: number; public: boolean; formerGroupId?: number | null }
  | { t: 'presence'; scope: TicketScope; person: { id: string; name: string; staff: boolean }; activity: Activity }
  | { t: 'notification'; personId: string; unread: number }
  /** Messages may have been missed (the LISTEN connection broke): every stream reads afresh. */
  | { t: 'resync' };

type TicketMessage = Extract<LiveMessage, { t: 'ticket' }>;

/**
 * The messages of a committed transaction's domain events: one per ticket it changed (a reply's
 * article and the ticket change it made are one, public when either part is; an opening is public),
 * and the unread count of each person whose notifications changed.
 */
export async function liveMessages(db: Db, events: DomainEvent[]): Promise<LiveMessage[]> {
  const byTicket = new Map<number, TicketMessage>();
  const publicArticles = new Set<number>();
  const unread = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'notifications.changed') {
      unread.set(event.personId, event.unread);
      continue;
    }
    if (event.type === 'article.added') {
      if (!event.internal) publicArticles.add(event.ticketId);
      continue;
    }
    if (event.type !== 'ticket.opened' && event.type !== 'ticket.changed') continue;
    const { ticketId, number, groupId, companyId, requesterId } = event;
    const seen = byTicket.get(ticketId);
    const isPublic = event.type === 'ticket.opened' || event.public;
    byTicket.set(ticketId, {
      t: 'ticket',
      scope: { ticketId, number, groupId, companyId, requesterId },
      revision: Math.max(seen?.revision ?? 0, event.revision),
      public: Boolean(seen?.public) || isPublic,
      ...(event.type === 'ticket.changed' && event.formerGroupId !== undefined ? { formerGroupId: event.formerGroupId } : seen?.formerGroupId !== undefined ? { formerGroupId: seen.formerGroupId } : {}),
    });
  }
  // An article always comes with its ticket's change; should one come alone, its ticket is read.
  const alone = [...new Set(events.flatMap((e) => (e.type === 'article.added' && !byTicket.has(e.ticketId) ? [e.ticketId] : [])))];
  if (alone.length) {
    const rows = await db.selectFrom('ticket').select(['id', 'number', 'group_id', 'company_id', 'requester_id', 'revision']).where('id', 'in', alone).execute();
    for (const r of rows) {
      byTicket.set(r.id, { t: 'ticket', scope: { ticketId: r.id, number: r.number, groupId: r.group_id, companyId: r.company_id, requesterId: r.requester_id }, revision: r.revision, public: false });
    }
  }
  for (const id of publicArticles) {
    const message = byTicket.get(id);
    if (message) message.public = true;
  }
  return [...byTicket.values(), ...[...unread].map(([personId, count]): LiveMessage => ({ t: 'notification', personId, unread: count }))];
}
