import type { Kysely } from 'kysely';
import type { CustomerSlaView, SlaState, SlaTargetKind, TicketSlaView } from '../../../contracts/sla';
import { iso } from '../../db/columns';
import type { Database } from '../../db/schema';
import { targetOrder } from './sla.service';

/** A ticket's clocks, pauses, policy and calendar as read for its page. */
export type TicketSlaRows = Awaited<ReturnType<typeof readTicketSla>>;

/** Reads what the ticket page shows of the service level: three small reads by the ticket's id. */
export async function readTicketSla(db: Kysely<Database>, ticketId: number) {
  const [clocks, pauses] = await Promise.all([
    db
      .selectFrom('ticket_sla')
      .leftJoin('sla_policy', 'sla_policy.id', 'ticket_sla.policy_id')
      .leftJoin('sla_calendar', 'sla_calendar.id', 'sla_policy.calendar_id')
      .select([
        'ticket_sla.target',
        'ticket_sla.cycle',
        'ticket_sla.state',
        'ticket_sla.due_at',
        'ticket_sla.warn_at',
        'ticket_sla.started_at',
        'ticket_sla.target_minutes',
        'ticket_sla.paused_minutes',
        'ticket_sla.met_at',
        'ticket_sla.breached_at',
        'sla_policy.id as policy_id',
        'sla_policy.name as policy_name',
        'sla_calendar.id as calendar_id',
        'sla_calendar.name as calendar_name',
        'sla_calendar.time_zone',
      ])
      .where('ticket_sla.ticket_id', '=', ticketId)
      .execute(),
    db.selectFrom('ticket_sla_pause').select(['started_at', 'ended_at', 'status']).where('ticket_id', '=', ticketId).orderBy('started_at').orderBy('id').execute(),
  ]);
  return { clocks, pauses };
}

const stamp = (value: Date | string | null) => (value === null ? null : iso(value));

/** The agents' view: the policy and calendar of the latest clock, every clock in target order, the pauses. */
export function presentTicketSla({ clocks, pauses }: TicketSlaRows): TicketSlaView {
  const sorted = [...clocks].sort((a, b) => targetOrder.get(a.target as SlaTargetKind)! - targetOrder.get(b.target as SlaTargetKind)! || a.cycle - b.cycle);
  const latest = [...clocks].sort((a, b) => iso(b.started_at).localeCompare(iso(a.started_at)))[0];
  return {
    policy: latest?.policy_id != null && latest.policy_name != null ? { id: latest.policy_id, name: latest.policy_name } : null,
    calendar:
      latest?.calendar_id != null && latest.calendar_name != null && latest.time_zone != null
        ? { id: latest.calendar_id, name: latest.calendar_name, timeZone: latest.time_zone }
        : null,
    targets: sorted.map((c) => ({
      target: c.target as SlaTargetKind,
      cycle: c.cycle,
      state: c.state as SlaState,
      dueAt: iso(c.due_at),
      warnAt: iso(c.warn_at),
      startedAt: iso(c.started_at),
      targetMinutes: c.target_minutes,
      pausedMinutes: c.paused_minutes,
      metAt: stamp(c.met_at),
      breachedAt: stamp(c.breached_at),
    })),
    pauses: pauses.map((p) => ({ startedAt: iso(p.started_at), endedAt: stamp(p.ended_at), status: p.status })),
  };
}

/**
 * The customers' view: when the first response is expected, only while its clock runs (not met,
 * paused or breached: a due time past is an internal target); nothing else.
 */
export function presentCustomerSla({ clocks }: TicketSlaRows): CustomerSlaView {
  const first = clocks.find((c) => c.target === 'first_response' && c.met_at === null && c.state === 'running');
  return { firstResponseDueAt: first ? iso(first.due_at) : null };
}
