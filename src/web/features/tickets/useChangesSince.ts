import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../contracts/tickets';
import { useTranslate } from '../../app/useTranslate';
import { eventText } from './ticketEvents';

type Seen = { revision: number; events: Set<number>; articles: Set<number> };

const snapshot = (ticket: TicketView): Seen => ({
  revision: ticket.revision,
  events: new Set(ticket.history.map((e) => e.id)),
  articles: new Set(ticket.articles.map((a) => a.id)),
});

/**
 * What other people changed on the ticket since the person started writing or editing:
 * `start` when they begin, `done` when they send or give up. Their own moves never count.
 */
export function useChangesSince(ticket: TicketView, meId: string) {
  const { i18n } = useTranslation();
  const translate = useTranslate();
  const [seen, setSeen] = useState<Seen | null>(null);

  const start = useCallback(() => setSeen((current) => current ?? snapshot(ticket)), [ticket]);
  const acknowledge = useCallback(() => setSeen(snapshot(ticket)), [ticket]);
  const done = useCallback(() => setSeen(null), []);

  const lines: string[] = [];
  if (seen && ticket.revision !== seen.revision) {
    const exists = (key: string) => i18n.exists(key);
    for (const article of ticket.articles) {
      if (seen.articles.has(article.id) || article.author.id === meId) continue;
      lines.push(translate(article.internal ? 'conversation.changed.newNote' : 'conversation.changed.newMessage', { name: article.author.name }));
    }
    for (const event of ticket.history) {
      if (seen.events.has(event.id) || event.actor?.id === meId) continue;
      lines.push(eventText(event, ticket, translate, exists));
    }
  }
  // What a reply sends as the last article its writer saw: the server refuses it if a newer one came (features/live).
  const lastSeenArticleId = Math.max(0, ...(seen ? seen.articles : ticket.articles.map((a) => a.id)));
  return { changes: lines, start, acknowledge, done, watching: seen !== null, lastSeenArticleId };
}
