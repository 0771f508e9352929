import type { Bool, Id, Timestamp } from '../../db/columns';

/** Something a person should know about a ticket: assigned to them, mentioned in a note, a customer's answer. */
export interface NotificationTable {
  id: Id;
  person_id: string;
  /** assigned · mentioned · customer_replied */
  kind: string;
  ticket_id: number;
  /** Who caused it; null for Atende itself (an automatic assignment). */
  actor_id: string | null;
  article_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Whether a kind of notification also comes by mail; no row is yes. */
export interface NotificationPreferenceTable {
  person_id: string;
  kind: string;
  mail: Bool;
}

export interface NotificationsTables {
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
}
