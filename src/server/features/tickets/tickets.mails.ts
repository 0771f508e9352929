import type { Kysely } from 'kysely';
import { defaultLanguage, isLanguage, translate, type Language } from '../../../contracts/i18n';
import type { Database } from '../../db/schema';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';

/** The Message-ID of a ticket's first mail; later mails refer to it so clients thread them. */
export function ticketThreadId(publicUrl: string, number: number): string {
  return `<ticket-${number}@${new URL(publicUrl).hostname}>`;
}

/** Queues the opening mail for the requester and every copied address, each in its reader's language. */
export async function queueTicketOpenedMails(db: Kysely<Database>, publicUrl: string, ticketId: number): Promise<void> {
  const ticket = await db
    .selectFrom('ticket')
    .innerJoin('person as requester', 'requester.id', 'ticket.requester_id')
    .innerJoin('service_line', 'service_line.id', 'ticket.service_line_id')
    .select([
      'ticket.number',
      'ticket.summary',
      'ticket.criticality',
      'requester.name as requester_name',
      'requester.email as requester_email',
      'requester.language as requester_language',
      'service_line.name as line_name',
    ])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const copies = await db
    .selectFrom('ticket_copy')
    .leftJoin('person', 'person.email', 'ticket_copy.email')
    .select(['ticket_copy.email', 'person.name', 'person.language'])
    .where('ticket_copy.ticket_id', '=', ticketId)
    .execute();
  const requesterLanguage = isLanguage(ticket.requester_language) ? ticket.requester_language : defaultLanguage;
  const recipients = [
    { email: ticket.requester_email, name: ticket.requester_name, language: requesterLanguage, isRequester: true },
    ...copies
      .filter((c) => c.email !== ticket.requester_email)
      .map((c) => ({
        email: c.email,
        name: c.name ?? c.email,
        language: isLanguage(c.language) ? c.language : requesterLanguage,
        isRequester: false,
      })),
  ];
  const url = `${publicUrl}/tickets/${ticket.number}`;
  for (const r of recipients) {
    const t = (key: string, params?: Record<string, string | number>) => translate(r.language as Language, key, params);
    const { html, text } = renderMail({
      language: r.language as Language,
      recipientName: r.name,
      paragraphs: [
        r.isRequester
          ? t('mail.ticketOpened.bodyRequester', { number: ticket.number })
          : t('mail.ticketOpened.bodyCopy', { number: ticket.number, requester: ticket.requester_name }),
        `${t('tickets.fields.summary')}: ${ticket.summary}`,
        `${t('tickets.fields.serviceLine')}: ${ticket.line_name} · ${t('tickets.fields.criticality')}: ${t(`criticality.levels.${ticket.criticality}`)}`,
      ],
      action: { label: t('mail.ticketOpened.action'), url },
    });
    await enqueueMail(db, {
      to: r.email,
      subject: `[#${ticket.number}] ${ticket.summary}`,
      html,
      text,
      headers: { 'Message-ID': ticketThreadId(publicUrl, ticket.number) },
    });
  }
}
