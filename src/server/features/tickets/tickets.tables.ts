import type { Bool, Id, Timestamp } from '../../db/columns';

export interface TicketTable {
  id: Id;
  /** Sequential, unique, never reused; what people quote. */
  number: number;
  company_id: number;
  requester_id: string;
  /** Who filled the form: the requester, or an agent on their behalf. */
  opened_by_id: string;
  service_line_id: number;
  country: string;
  category_id: number;
  origin_id: number;
  effect_id: number;
  module_id: number;
  routine_id: number;
  version_id: number | null;
  environment_id: number | null;
  summary: string;
  incident: string;
  criticality: string;
  /** JSON of the computed Criticality, to explain the level in any language. */
  criticality_reason: string;
  status: string;
  group_id: number | null;
  assignee_id: string | null;
  /** Optimistic concurrency: every write bumps it. */
  revision: number;
  /** 0 = critical … 4 = planning, for sorting by criticality. */
  criticality_rank: number | null;
  solution_proposed_at: Timestamp | null;
  closed_at: Timestamp | null;
  rating: number | null;
  /** The earliest due time of the running SLA clocks (features/sla); null when none runs. */
  sla_due_at: Timestamp | null;
  /** When the earliest SLA target still unmet was breached; null when none is. */
  sla_breached_at: Timestamp | null;
  sla_warn_at: Timestamp | null;
  rating_comment: string | null;
  /** Why an agent (or Atende) closed it, from the administrator's list (features/closing). */
  close_reason_id: number | null;
  /** The ticket this duplicate was merged into (features/links). */
  merged_into_id: number | null;
  /** Since when it waits for the customer: set with that status (tickets.events.ts). */
  waiting_since: Timestamp | null;
  /** When the customer was last reminded of it; a reminder counts when after `waiting_since`. */
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Additional e-mail addresses copied on a ticket. */
export interface TicketCopyTable {
  ticket_id: number;
  email: string;
}

/** The history: every change, who made it, when, from what to what. */
export interface TicketEventTable {
  id: Id;
  ticket_id: number;
  /** null for the system (e.g. the automatic closing). */
  actor_id: string | null;
  kind: string;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  /** Customers see only public events. */
  public: Bool;
  /** Why: a transfer note, a criticality override's reason. */
  note: string | null;
  revision: number | null;
  created_at: Timestamp;
}

/** A reply or an internal note; customers never see internal ones. */
export interface TicketArticleTable {
  id: Id;
  ticket_id: number;
  author_id: string;
  /** reply · note · solution · rejection · reopening */
  kind: string;
  body: string;
  internal: Bool;
  created_at: Timestamp;
}

/** A file: uploaded first (no article yet, visible to its uploader only), then attached to an article. */
export interface AttachmentTable {
  id: string;
  ticket_id: number;
  article_id: number | null;
  uploader_id: string;
  /** As sent, for display and the download's file name only; never used as a path. */
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  created_at: Timestamp;
  /** Set once every byte is stored; until then (or forever, after a crash) the upload is not usable. */
  uploaded_at: Timestamp | null;
}

/** Hands out ticket numbers: one row, incremented inside the opening transaction. */
export interface TicketSequenceTable {
  name: string;
  value: number;
}

/**
 * SQLite only: the contentless FTS5 index of summaries and incidents (migration 002). `rowid` is
 * the ticket's id; the column named after the table takes the MATCH query.
 */
export interface TicketSearchTable {
  rowid: number;
  ticket_search: string;
}

export interface TicketsTables {
  ticket: TicketTable;
  ticket_copy: TicketCopyTable;
  ticket_event: TicketEventTable;
  ticket_sequence: TicketSequenceTable;
  ticket_article: TicketArticleTable;
  attachment: AttachmentTable;
  ticket_search: TicketSearchTable;
}
