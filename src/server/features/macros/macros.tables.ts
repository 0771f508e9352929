import type { Id, Timestamp } from '../../db/columns';

/** A canned reply with actions, personal or shared with a group or every agent. */
export interface MacroTable {
  id: Id;
  owner_id: string;
  name: string;
  /** The reply, with `{{variables}}` (contracts' `macroVariables`); may be empty. */
  body: string;
  /** The status the macro sets, if any. */
  set_status: string | null;
  /** JSON array of the tags it adds. */
  add_tags: string;
  /** The group it transfers the ticket to, if any. */
  set_group_id: number | null;
  /** personal · group · all */
  share: string;
  /** The group a `group` macro is shared with. */
  group_id: number | null;
  /** Bumped each time it is applied (a conditional increment, exact with several processes). */
  usage_count: number;
  /** Optimistic concurrency: every edit bumps it. */
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MacrosTables {
  macro: MacroTable;
}
