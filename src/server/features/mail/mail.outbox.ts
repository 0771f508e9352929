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
  const at = now();
  await db
    .insertInto('outbox_mail')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    })
    .execute();
}
