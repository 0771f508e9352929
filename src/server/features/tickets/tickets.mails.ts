import { translate, type Language } from '../../../contracts/i18n';
import type { OutgoingMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';

/** The Message-ID of a ticket's first mail; later mails refer to it so clients thread them. */
export function ticketThreadId(publicUrl: string, number: number): string {
  return `<ticket-${number}@${new URL(publicUrl).hostname}>`;
}

/** A person a mail goes to, in the language they read. */
export type MailRecipient = { email: string; name: string; language: Language };

/** What the opening mails tell: the values the opening has just written. */
export type OpenedTicketMail = {
  number: number;
  summary: string;
  criticality: string;
  serviceLineName: string;
  requester: MailRecipient;
  /** The copied addresses; a person's name and language when the address is someone's, else the address and the requester's language. */
  copies: { email: string; name: string | null; language: Language | null }[];
};

/**
 * The opening mails for the requester and every copied address, each in its reader's language,
 * built from the values of the opening (nothing is read back). Pass them to `enqueueMails` in
 * the opening's transaction.
 */
export function ticketOpenedMails(publicUrl: string, ticket: OpenedTicketMail): OutgoingMail[] {
  const { requester } = ticket;
  const recipients = [
    { ...requester, isRequester: true },
    ...ticket.copies
      .filter((c) => c.email !== requester.email)
      .map((c) => ({ email: c.email, name: c.name ?? c.email, language: c.language ?? requester.language, isRequester: false })),
  ];
  const url = `${publicUrl}/tickets/${ticket.number}`;
  const subject = `[#${ticket.number}] ${ticket.summary}`;
  const headers = { 'Message-ID': ticketThreadId(publicUrl, ticket.number) };
  return recipients.map((r) => {
    const t = (key: string, params?: Record<string, string | number>) => translate(r.language, key, params);
    const { html, text } = renderMail({
      language: r.language,
      recipientName: r.name,
      paragraphs: [
        r.isRequester
          ? t('mail.ticketOpened.bodyRequester', { number: ticket.number })
          : t('mail.ticketOpened.bodyCopy', { number: ticket.number, requester: requester.name }),
        `${t('tickets.fields.summary')}: ${ticket.summary}`,
        `${t('tickets.fields.serviceLine')}: ${ticket.serviceLineName} · ${t('tickets.fields.criticality')}: ${t(`criticality.levels.${ticket.criticality}`)}`,
      ],
      action: { label: t('mail.ticketOpened.action'), url },
    });
    return { to: r.email, subject, html, text, headers };
  });
}
