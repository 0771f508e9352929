import type { Id, Timestamp } from '../../db/columns';

/** A tag agents put on tickets; customers never see tags. Names are lower case and unique. */
export interface TagTable {
  id: Id;
  name: string;
  created_at: Timestamp;
}

export interface TicketTagTable {
  ticket_id: number;
  tag_id: number;
}

export interface TagsTables {
  tag: TagTable;
  ticket_tag: TicketTagTable;
}
