import type { Generated } from 'kysely';
import type { Bool, Id, Timestamp } from '../../db/columns';

/** An agent group (queue). */
export interface AgentGroupTable {
  id: Id;
  name: string;
  active: Bool;
  created_at: Timestamp;
  /** How new tickets get an assignee: manual · round_robin · least_loaded (features/assignment). */
  assignment: Generated<string>;
  /** Most open tickets an agent of the group holds before automatic assignment passes them by. */
  open_cap: number | null;
  /** Turns of automatic assignment taken so far (round-robin's position). */
  assignment_turn: Generated<number>;
}

export interface GroupMemberTable {
  group_id: number;
  person_id: string;
}

/** The service lines a group serves: new tickets of a line go to its group. */
export interface GroupServiceLineTable {
  group_id: number;
  service_line_id: number;
}

export interface GroupsTables {
  agent_group: AgentGroupTable;
  group_member: GroupMemberTable;
  group_service_line: GroupServiceLineTable;
}
