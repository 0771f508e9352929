import type { Kysely } from 'kysely';
import type { AssignmentMode } from '../../../contracts/assignment';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';

/** A ticket just written by an opening. */
export type OpenedTicket = { id: number; groupId: number | null; moduleId: number };

export type Assignee = { id: string; name: string };

type Candidate = Assignee;

/**
 * Gives each new ticket of a group with automatic assignment an agent, in the opening's own
 * transaction, so that each is assigned once however many processes open tickets at the same time:
 * the turn is taken by an update of the group's row, whose lock (PostgreSQL) or the one writer
 * (SQLite) orders the openings of every process, and what it reads afterwards (the agents' loads)
 * includes the assignments committed before it.
 *
 * The candidates are the group's active agents who are available and, where the group has a cap,
 * hold fewer open tickets than it; those with the ticket's module as a skill come first. Round-robin
 * takes them in turn (by id), least-loaded the one with fewest open tickets (ties in turn). A ticket
 * with no candidate stays unassigned, as in a manual group. Writes the assignee and the history.
 */
export async function assignOpenedTickets(trx: Kysely<Database>, tickets: OpenedTicket[]): Promise<Map<number, Assignee>> {
  const assigned = new Map<number, Assignee>();
  const groupIds = [...new Set(tickets.flatMap((t) => (t.groupId === null ? [] : [t.groupId])))];
  if (!groupIds.length) return assigned;
  const automatic = await trx.selectFrom('agent_group').select('id').where('id', 'in', groupIds).where('assignment', '<>', 'manual').where('active', '=', true).execute();
  for (const { id: groupId } of automatic) {
    const ofGroup = tickets.filter((t) => t.groupId === groupId);
    const group = await trx
      .updateTable('agent_group')
      .set((eb) => ({ assignment_turn: eb('assignment_turn', '+', ofGroup.length) }))
      .where('id', '=', groupId)
      .returning(['assignment', 'open_cap', 'assignment_turn'])
      .executeTakeFirstOrThrow();
    const agents = await candidates(trx, groupId);
    if (!agents.length || group.assignment === 'manual') continue;
    const ids = agents.map((a) => a.id);
    const load = new Map(ids.map((id) => [id, 0]));
    if (group.assignment === 'least_loaded' || group.open_cap !== null) {
      const rows = await trx
        .selectFrom('ticket')
        .select((eb) => ['assignee_id', eb.fn.countAll<number>().as('n')])
        .where('assignee_id', 'in', ids)
        .where('status', '<>', 'closed')
        .groupBy('assignee_id')
        .execute();
      for (const row of rows) if (row.assignee_id) load.set(row.assignee_id, Number(row.n));
    }
    const modules = [...new Set(ofGroup.map((t) => t.moduleId))];
    const skills = await trx.selectFrom('agent_skill').select(['person_id', 'module_id']).where('person_id', 'in', ids).where('module_id', 'in', modules).execute();

    // The turns this batch took: the last `ofGroup.length` up to the group's counter.
    let turn = group.assignment_turn - ofGroup.length;
    for (const ticket of ofGroup) {
      const free = agents.filter((a) => group.open_cap === null || load.get(a.id)! < group.open_cap);
      const skilled = free.filter((a) => skills.some((s) => s.person_id === a.id && s.module_id === ticket.moduleId));
      const pool = skilled.length ? skilled : free;
      const chosen = pool.length ? pick(group.assignment as AssignmentMode, pool, load, turn) : undefined;
      turn++;
      if (!chosen) continue;
      load.set(chosen.id, load.get(chosen.id)! + 1);
      assigned.set(ticket.id, chosen);
    }
  }
  if (!assigned.size) return assigned;
  for (const [ticketId, agent] of assigned) await trx.updateTable('ticket').set({ assignee_id: agent.id }).where('id', '=', ticketId).execute();
  const at = now();
  await trx
    .insertInto('ticket_event')
    .values(
      [...assigned].map(([ticketId, agent]) => ({
        ticket_id: ticketId,
        actor_id: null,
        kind: 'assigned',
        field: 'assignee',
        from_value: null,
        to_value: agent.name,
        public: false,
        created_at: at,
      })),
    )
    .execute();
  return assigned;
}

/** The group's active agents who take tickets now, in a fixed order (round-robin's). */
function candidates(trx: Kysely<Database>, groupId: number): Promise<Candidate[]> {
  return trx
    .selectFrom('group_member')
    .innerJoin('person', 'person.id', 'group_member.person_id')
    .leftJoin('agent_availability', 'agent_availability.person_id', 'person.id')
    .select(['person.id', 'person.name'])
    .where('group_member.group_id', '=', groupId)
    .where('person.active', '=', true)
    .where('person.staff_role', 'is not', null)
    .where((eb) => eb.or([eb('agent_availability.available', 'is', null), eb('agent_availability.available', '=', true)]))
    .orderBy('person.id')
    .execute();
}

/** Round-robin: the pool's agent of this turn; least-loaded: of those with the fewest open tickets, the one of this turn. */
function pick(mode: AssignmentMode, pool: Candidate[], load: Map<string, number>, turn: number): Candidate {
  if (mode === 'least_loaded') {
    const fewest = Math.min(...pool.map((a) => load.get(a.id)!));
    const ties = pool.filter((a) => load.get(a.id) === fewest);
    return ties[turn % ties.length]!;
  }
  return pool[turn % pool.length]!;
}
