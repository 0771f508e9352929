import type { Kysely } from 'kysely';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

/**
 * Queues a mail. Pass the transaction of the change that causes the mail, so both
 * are written or neither is.
 */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
  await enqueueMails(db, [mail]);
}

/** Queues several mails in one statement (same rules as `enqueueMail`). */
export async function enqueueMails(db: Kysely<Database>, mails: OutgoingMail[]): Promise<void> {
  if (!mails.length) return;
  const at = now();
  await db
    .insertInto('outbox_mail')
    .values(
      mails.map((mail) => ({
        to_address: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: JSON.stringify(mail.headers ?? {}),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
      })),
    )
    .execute();
}
