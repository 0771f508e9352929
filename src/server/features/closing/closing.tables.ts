import type { Bool, Id } from '../../db/columns';

/** A reason to close a ticket, from the list the system administrator edits. */
export interface CloseReasonTable {
  id: Id;
  /** Set on the reasons Atende itself uses (duplicate: a merge; no_response: the waiting-customer job; spam). */
  key: string | null;
  /** JSON: the name by language. */
  names: string;
  /** Whether the customer is told of a closing with this reason (not for spam). */
  notify_customer: Bool;
  active: Bool;
  position: number;
}

export interface ClosingTables {
  close_reason: CloseReasonTable;
}
