import type { Bool, Timestamp } from '../../db/columns';

/** An agent's skill: tickets of this module go to agents who have it first. */
export interface AgentSkillTable {
  person_id: string;
  module_id: number;
}

/** Whether an agent takes new tickets now; no row is available. */
export interface AgentAvailabilityTable {
  person_id: string;
  available: Bool;
  updated_at: Timestamp;
}

export interface AssignmentTables {
  agent_skill: AgentSkillTable;
  agent_availability: AgentAvailabilityTable;
}
