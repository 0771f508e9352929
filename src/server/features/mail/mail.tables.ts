import type { Id, Timestamp } from '../../db/columns';

/** A mail waiting to be sent, written in the same transaction as the change that causes it. */
export interface OutboxMailTable {
  id: Id;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  /** JSON object of extra headers (Message-ID, In-Reply-To, References). */
  headers: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  /** A worker claims a mail until then, so two processes never send it twice. */
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** When it was given up: refused for good by the server, or too many attempts. */
  failed_at: Timestamp | null;
}

export interface MailTables {
  outbox_mail: OutboxMailTable;
}
