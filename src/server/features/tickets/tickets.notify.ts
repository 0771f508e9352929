import type { Kysely } from 'kysely';
import { defaultLanguage, isLanguage, translate, type Language } from '../../../contracts/i18n';
import type { Database } from '../../db/schema';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { ticketThreadId } from './tickets.mails';

type Recipient = { email: string; name: string; language: Language };
/** The mail's paragraphs, in the recipient's language (`t`, and `language` for names kept by language). */
export type Lines = (t: (key: string, params?: Record<string, string | number>) => string, language: Language) => string[];

const languageOf = (value: string | null | undefined, fallback: Language = defaultLanguage): Language =>
  isLanguage(value) ? value : fallback;

/** The requester and every copied address, each with a language. */
async function customerRecipients(db: Kysely<Database>, ticketId: number): Promise<Recipient[]> {
  const requester = await db
    .selectFrom('ticket')
    .innerJoin('person', 'person.id', 'ticket.requester_id')
    .select(['person.email', 'person.name', 'person.language', 'person.active'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const language = languageOf(requester.language);
  const copies = await db
    .selectFrom('ticket_copy')
    .leftJoin('person', 'person.email', 'ticket_copy.email')
    .select(['ticket_copy.email', 'person.name', 'person.language'])
    .where('ticket_copy.ticket_id', '=', ticketId)
    .execute();
  return [
    ...(requester.active ? [{ email: requester.email, name: requester.name, language }] : []),
    ...copies
      .filter((c) => c.email !== requester.email)
      .map((c) => ({ email: c.email, name: c.name ?? c.email, language: languageOf(c.language, language) })),
  ];
}

/**
 * The assignee, unless they chose not to get customers' answers by mail (their notification
 * preferences), or every active agent of the ticket's group when nobody has it.
 */
async function agentRecipients(db: Kysely<Database>, ticketId: number): Promise<Recipient[]> {
  const ticket = await db.selectFrom('ticket').select(['assignee_id', 'group_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const people = ticket.assignee_id
    ? await db
        .selectFrom('person')
        .select(['email', 'name', 'language'])
        .where('id', '=', ticket.assignee_id)
        .where('active', '=', true)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('notification_preference').select('kind').whereRef('person_id', '=', 'person.id').where('kind', '=', 'customer_replied').where('mail', '=', false))),
        )
        .execute()
    : ticket.group_id
      ? await db
          .selectFrom('group_member')
          .innerJoin('person', 'person.id', 'group_member.person_id')
          .select(['person.email', 'person.name', 'person.language'])
          .where('group_member.group_id', '=', ticket.group_id)
          .where('person.active', '=', true)
          .execute()
      : [];
  return people.map((p) => ({ email: p.email, name: p.name, language: languageOf(p.language) }));
}

/**
 * Queues one mail per recipient about a ticket: subject "[#n] Resumo", the recipient's language,
 * threaded under the ticket's first mail (Message-ID / In-Reply-To / References).
 */
async function queue(db: Kysely<Database>, publicUrl: string, ticketId: number, recipients: Recipient[], lines: Lines, eventKey: string) {
  const ticket = await db.selectFrom('ticket').select(['number', 'summary']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const thread = ticketThreadId(publicUrl, ticket.number);
  const host = new URL(publicUrl).hostname;
  for (const r of recipients) {
    const t = (key: string, params?: Record<string, string | number>) => translate(r.language, key, { number: ticket.number, ...params });
    const { html, text } = renderMail({
      language: r.language,
      recipientName: r.name,
      paragraphs: lines(t, r.language),
      action: { label: t('mail.ticketOpened.action'), url: `${publicUrl}/tickets/${ticket.number}` },
    });
    await enqueueMail(db, {
      to: r.email,
      subject: `[#${ticket.number}] ${ticket.summary}`,
      html,
      text,
      headers: { 'Message-ID': `<ticket-${ticket.number}-${eventKey}@${host}>`, 'In-Reply-To': thread, References: thread },
    });
  }
}

/** Mails the customer side (requester and copies) about a public reply or a status change. */
export async function notifyCustomers(db: Kysely<Database>, publicUrl: string, ticketId: number, lines: Lines, eventKey: string) {
  await queue(db, publicUrl, ticketId, await customerRecipients(db, ticketId), lines, eventKey);
}

/** Mails the vendor side (assignee, else the group) about a customer's reply, rejection or reopening. */
export async function notifyAgents(db: Kysely<Database>, publicUrl: string, ticketId: number, lines: Lines, eventKey: string) {
  await queue(db, publicUrl, ticketId, await agentRecipients(db, ticketId), lines, eventKey);
}
