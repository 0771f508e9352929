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
  actor_id: string;
  kind: string;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  /** Customers see only public events. */
  public: Bool;
  created_at: Timestamp;
}

/** Hands out ticket numbers: one row, incremented inside the opening transaction. */
export interface TicketSequenceTable {
  name: string;
  value: number;
}

export interface TicketsTables {
  ticket: TicketTable;
  ticket_copy: TicketCopyTable;
  ticket_event: TicketEventTable;
  ticket_sequence: TicketSequenceTable;
}
