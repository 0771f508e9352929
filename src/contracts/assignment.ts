import { z } from 'zod';
import { maxRowId } from './ids';

/** How a group's new tickets get an assignee. */
export const assignmentModes = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];

/** A group's automatic assignment: the mode, and the most open tickets an agent holds before being passed by (none: no cap). */
export const groupAssignment = z.object({
  mode: z.enum(assignmentModes, { error: 'validation.notInList' }),
  openCap: z.number({ error: 'validation.number' }).int({ error: 'validation.wholeNumber' }).min(1).max(10_000).nullable(),
});
export type GroupAssignment = z.infer<typeof groupAssignment>;

/** Whether an agent takes new tickets of automatic assignment now. */
export const availability = z.object({ available: z.boolean() });

/** An agent's skills: the modules whose tickets go to them first. */
export const agentSkills = z.object({ moduleIds: z.array(z.number().int().positive().max(maxRowId)).max(1000) });
