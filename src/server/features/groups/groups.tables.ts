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

export interface GroupsTables {
  agent_group: AgentGroupTable;
  group_member: GroupMemberTable;
}
