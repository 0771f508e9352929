import type { Bool, Id, Timestamp } from '../../db/columns';

/** An agent group (queue). */
export interface AgentGroupTable {
  id: Id;
  name: string;
  active: Bool;
  created_at: Timestamp;
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
