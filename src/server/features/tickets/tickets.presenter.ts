import { describeCriticality, type Grade, type Level } from '../../../contracts/criticality';
import { localized, translate, type Language } from '../../../contracts/i18n';
import type { TicketStatus, TicketSummaryView, TicketView } from '../../../contracts/tickets';
import { iso } from '../../db/columns';
import type { Actor } from '../auth/auth.actor';
import type { findReadableTicket, ticketDetails, TicketSummaryRow } from './tickets.repository';

/** "On hold" is internal: customers see such a ticket as in progress. */
export function statusFor(actor: Actor, status: string): TicketStatus {
  return !actor.staffRole && status === 'on_hold' ? 'in_progress' : (status as TicketStatus);
}

export function presentSummary(actor: Actor, row: TicketSummaryRow): TicketSummaryView {
  return {
    number: row.number,
    summary: row.summary,
    status: statusFor(actor, row.status),
    criticality: row.criticality as Level,
    serviceLine: { id: row.service_line_id, code: row.service_line_code, name: row.service_line_name, channelKey: row.channel_key },
    company: { id: row.company_id, name: row.company_name },
    requester: { id: row.requester_id, name: row.requester_name },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

type TicketRow = NonNullable<Awaited<ReturnType<typeof findReadableTicket>>>;
type Details = Awaited<ReturnType<typeof ticketDetails>>;

/** Every field of a ticket, names in the reader's language, the criticality explained. */
export function presentTicket(actor: Actor, row: TicketRow, details: Details): TicketView {
  const language: Language = actor.language;
  const name = (names: string) => localized(JSON.parse(names), language);
  const stored = JSON.parse(row.criticality_reason) as { urgency: Grade; impact: Grade; capped: boolean; level: Level };
  const reason = describeCriticality(
    {
      level: row.criticality as Level,
      urgency: stored.urgency,
      impact: stored.impact,
      effect: name(row.effect_names),
      origin: name(row.origin_names),
      ...(stored.capped ? { cappedBy: { category: name(row.category_names), from: stored.level } } : {}),
    },
    (key, params) => translate(language, key, params),
  );
  return {
    ...presentSummary(actor, row),
    country: row.country,
    category: { id: row.category_id, name: name(row.category_names) },
    origin: { id: row.origin_id, name: name(row.origin_names) },
    effect: { id: row.effect_id, name: name(row.effect_names) },
    module: { id: row.module_id, name: row.module_name },
    routine: { id: row.routine_id, name: row.routine_name },
    version: row.version_id !== null && row.version_name !== null ? { id: row.version_id, name: row.version_name } : null,
    environment: row.environment_id !== null && row.environment_name !== null ? { id: row.environment_id, name: row.environment_name } : null,
    incident: row.incident,
    criticalityReason: reason,
    openedBy: { id: row.opener_id, name: row.opener_name },
    copies: details.copies,
    history: details.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: { id: e.actor_id, name: e.actor_name },
      field: e.field,
      from: e.from_value,
      to: e.to_value,
      createdAt: iso(e.created_at),
    })),
  };
}
