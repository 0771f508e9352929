import type { Id, Timestamp } from '../../db/columns';

/** One administrative act: who, when, what, before → after (JSON). */
export interface AuditEventTable {
  id: Id;
  actor_id: string | null;
  /** The company concerned, so its portal administrators see their part of the log. */
  company_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  created_at: Timestamp;
}

export interface AuditTables {
  audit_event: AuditEventTable;
}
