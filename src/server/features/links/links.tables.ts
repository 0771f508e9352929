import type { Id, Timestamp } from '../../db/columns';

/** Two linked tickets: related (from_id < to_id, one row a pair), or a problem (from_id) and one of its incidents (to_id). */
export interface TicketLinkTable {
  id: Id;
  /** related · incident */
  kind: string;
  from_id: number;
  to_id: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface LinksTables {
  ticket_link: TicketLinkTable;
}
