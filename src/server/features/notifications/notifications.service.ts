import type { Kysely } from 'kysely';
import { translate } from '../../../contracts/i18n';
import type { NotificationKind } from '../../../contracts/live';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { recordEvent, type DomainEvent } from '../../lib/events';
import { loadActor, type Actor } from '../auth/auth.actor';
import { enqueueMails, type OutgoingMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { ticketThreadId } from '../tickets/tickets.mails';
import { readableBy } from '../tickets/tickets.policy';

declare module '../../lib/events' {
  interface DomainEvents {
    /** A person's notifications changed (a new one, some read): how many are unread now. */
    'notifications.changed': { personId: string; unread: number };
  }
}

type Wanted = { personId: string; kind: NotificationKind; ticketId: number; actorId: string | null; articleId: number | null; note?: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The agents a note mentions: `@` and an agent's full name, or their first name where no other
 * agent of the list has it (`@Ana` for Ana Souza), not followed by a letter or digit; any case.
 */
export function mentionedIn(body: string, agents: { id: string; name: string }[]): string[] {
  const firstName = (name: string) => name.trim().split(/\s+/)[0]!.toLocaleLowerCase();
  const firsts = agents.map((a) => firstName(a.name));
  return agents
    .filter((agent) => {
      const names = [agent.name.trim()];
      if (firsts.filter((f) => f === firstName(agent.name)).length === 1) names.push(firstName(agent.name));
      return names.some((name) => new RegExp(`(^|[^\\p{L}\\p{N}])@${escape(name)}(?![\\p{L}\\p{N}])`, 'iu').test(body));
    })
    .map((a) => a.id);
}

/**
 * The notifications a committed transaction's events call for: the new assignee of a ticket
 * (unless they took it themselves), each agent of the ticket's group a note mentions (not its
 * author), and the assignee of a ticket a customer answered. They are written with the mails of
 * those whose preferences want them (the customer's answer is mailed already, by tickets.notify)
 * in one transaction, which tells each person's new unread count (`notifications.changed`).
 */
export async function notifyFromEvents(ctx: { db: Db; publicUrl: string; pokeMail: () => void }, events: DomainEvent[]): Promise<void> {
  const { db } = ctx;
  const wanted: Wanted[] = [];
  const articles = events.flatMap((e) => (e.type === 'article.added' && (e.internal ? e.byStaff && e.body.includes('@') : !e.byStaff) ? [e] : []));
  for (const e of events) {
    if (e.type === 'ticket.opened' && e.assigneeId) wanted.push({ personId: e.assigneeId, kind: 'assigned', ticketId: e.ticketId, actorId: null, articleId: null });
    if (e.type === 'ticket.changed' && e.assigneeId && e.assigneeId !== e.actorId) {
      wanted.push({ personId: e.assigneeId, kind: 'assigned', ticketId: e.ticketId, actorId: e.actorId, articleId: null });
    }
  }
  if (articles.length) {
    const tickets = await db.selectFrom('ticket').select(['id', 'group_id', 'assignee_id']).where('id', 'in', articles.map((a) => a.ticketId)).execute();
    for (const a of articles) {
      const ticket = tickets.find((t) => t.id === a.ticketId);
      if (!ticket) continue;
      if (!a.internal) {
        if (ticket.assignee_id && ticket.assignee_id !== a.authorId) wanted.push({ personId: ticket.assignee_id, kind: 'customer_replied', ticketId: a.ticketId, actorId: a.authorId, articleId: a.articleId });
        continue;
      }
      if (ticket.group_id === null) continue;
      const agents = await db
        .selectFrom('group_member')
        .innerJoin('person', 'person.id', 'group_member.person_id')
        .select(['person.id', 'person.name'])
        .where('group_member.group_id', '=', ticket.group_id)
        .where('person.active', '=', true)
        .where('person.staff_role', 'is not', null)
        .execute();
      for (const id of mentionedIn(a.body, agents)) {
        if (id !== a.authorId) wanted.push({ personId: id, kind: 'mentioned', ticketId: a.ticketId, actorId: a.authorId, articleId: a.articleId, note: a.body });
      }
    }
  }
  if (!wanted.length) return;
  const recipients = new Map<string, Actor>();
  for (const personId of new Set(wanted.map((w) => w.personId))) {
    const actor = await loadActor(db, personId);
    if (actor?.staffRole) recipients.set(personId, actor);
  }
  const kept = wanted.filter((w) => recipients.has(w.personId));
  if (!kept.length) return;

  const mails = await mailsFor(db, ctx.publicUrl, kept, recipients);
  await db.transaction().execute(async (trx) => {
    const at = now();
    await trx
      .insertInto('notification')
      .values(kept.map((w) => ({ person_id: w.personId, kind: w.kind, ticket_id: w.ticketId, actor_id: w.actorId, article_id: w.articleId, created_at: at })))
      .execute();
    await enqueueMails(trx, mails);
    for (const actor of recipients.values()) recordEvent(trx, { type: 'notifications.changed', personId: actor.id, unread: await unreadCount(trx, actor) });
  });
  if (mails.length) ctx.pokeMail();
}

/** How many of the person's notifications are unread, of tickets they may still read. */
export async function unreadCount(db: Kysely<Database>, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .innerJoin('ticket', 'ticket.id', 'notification.ticket_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notification.person_id', '=', actor.id)
    .where('notification.read_at', 'is', null)
    .where(readableBy(actor))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The mails of the notifications whose person wants them by mail (a customer's answer aside: tickets.notify mails it). */
async function mailsFor(db: Db, publicUrl: string, list: Wanted[], people: Map<string, Actor>): Promise<OutgoingMail[]> {
  const mailed = list.filter((w) => w.kind !== 'customer_replied');
  if (!mailed.length) return [];
  const actorIds = [...new Set(mailed.flatMap((w) => (w.actorId ? [w.actorId] : [])))];
  const [refused, tickets, actors] = await Promise.all([
    db.selectFrom('notification_preference').select(['person_id', 'kind']).where('person_id', 'in', mailed.map((w) => w.personId)).where('mail', '=', false).execute(),
    db.selectFrom('ticket').select(['id', 'number', 'summary']).where('id', 'in', mailed.map((w) => w.ticketId)).execute(),
    actorIds.length ? db.selectFrom('person').select(['id', 'name']).where('id', 'in', actorIds).execute() : [],
  ]);
  const host = new URL(publicUrl).hostname;
  return mailed.flatMap((w, i): OutgoingMail[] => {
    const person = people.get(w.personId)!;
    const ticket = tickets.find((t) => t.id === w.ticketId);
    if (!ticket || refused.some((r) => r.person_id === w.personId && r.kind === w.kind)) return [];
    const language = person.language;
    const t = (key: string, params?: Record<string, string | number>) => translate(language, key, { number: ticket.number, ...params });
    const by = actors.find((a) => a.id === w.actorId)?.name ?? 'Atende';
    const { html, text } = renderMail({
      language,
      recipientName: person.name,
      paragraphs: w.kind === 'assigned' ? [t('live.mail.assigned', { actor: by })] : [t('live.mail.mentioned', { author: by }), w.note ?? ''],
      action: { label: t('mail.ticketOpened.action'), url: `${publicUrl}/tickets/${ticket.number}` },
    });
    const thread = ticketThreadId(publicUrl, ticket.number);
    const key = `${w.kind}-${w.articleId ?? Date.now()}-${i}`;
    return [
      {
        to: person.email,
        subject: `[#${ticket.number}] ${ticket.summary}`,
        html,
        text,
        headers: { 'Message-ID': `<ticket-${ticket.number}-${key}@${host}>`, 'In-Reply-To': thread, References: thread },
      },
    ];
  });
}
