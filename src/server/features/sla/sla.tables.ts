import type { Generated } from 'kysely';
import type { Bool, Id, Timestamp } from '../../db/columns';

/** Business hours and holidays that SLA targets count on. */
export interface SlaCalendarTable {
  id: Id;
  name: string;
  /** IANA time zone, e.g. America/Sao_Paulo. */
  time_zone: Generated<string>;
  /** JSON of contracts/calendar.ts WeekHours (index 0 = Sunday). */
  hours: string;
  /** Public holidays from date-holidays: country (null = none), state, city. */
  holiday_country: Generated<string | null>;
  holiday_state: string | null;
  holiday_city: string | null;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A calendar's own holidays: company closures (manual) or imported from an ICS file. */
export interface SlaCalendarHolidayTable {
  id: Id;
  calendar_id: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
  /** manual · ics */
  source: Generated<string>;
}

/** An SLA policy: the first active one in position order whose match fits a ticket applies. */
export interface SlaPolicyTable {
  id: Id;
  name: string;
  position: number;
  active: Bool;
  calendar_id: number;
  /** JSON of SlaMatch (sla.setup.ts); a missing or empty list matches anything. */
  match: Generated<string>;
  /** JSON of SlaTargets (sla.setup.ts): business minutes per criticality and target. */
  targets: Generated<string>;
  /** Whether Em espera (on_hold) pauses the clock too. */
  pause_on_hold: Bool;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row (id 1): bumped by every calendar or policy edit (bumpSlaVersion). */
export interface SlaSetupTable {
  id: number;
  version: number;
  /** The version whose walk over the open tickets without clocks is done (sla.job.ts). */
  backfill_version: number;
  /** That walk's position: the last ticket id it passed. */
  backfill_after: Generated<number>;
}

/** Who a group's breaches are escalated to, besides the assignee. */
export interface GroupEscalationContactTable {
  group_id: number;
  person_id: string;
}

/** One clock of a ticket: a target (first_response, next_response, resolution) in one cycle. */
export interface TicketSlaTable {
  ticket_id: number;
  target: string;
  /** 1 for first response and resolution; next response counts its cycles from 1. */
  cycle: number;
  policy_id: number | null;
  /** The sla_setup version the due time was computed with. */
  setup_version: number;
  target_minutes: number;
  started_at: Timestamp;
  due_at: Timestamp;
  warn_at: Timestamp;
  /** running · paused · met · breached */
  state: string;
  met_at: Timestamp | null;
  breached_at: Timestamp | null;
  /** Business minutes the clock stood still (pauses), when it last resumed or stopped. */
  paused_minutes: Generated<number>;
  warned_at: Timestamp | null;
  breach_notified_at: Timestamp | null;
}

/** A period the ticket's clocks stood still, and the status that stopped them. */
export interface TicketSlaPauseTable {
  id: Id;
  ticket_id: number;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  status: string;
}

export interface SlaTables {
  sla_calendar: SlaCalendarTable;
  sla_calendar_holiday: SlaCalendarHolidayTable;
  sla_policy: SlaPolicyTable;
  sla_setup: SlaSetupTable;
  group_escalation_contact: GroupEscalationContactTable;
  ticket_sla: TicketSlaTable;
  ticket_sla_pause: TicketSlaPauseTable;
}
