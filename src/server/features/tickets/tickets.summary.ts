import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/database';
import type { Actor } from '../auth/auth.actor';

/**
 * A ticket's summary (contracts' `ticketSummaryView`) rendered as JSON text by the database, for
 * the lists: a page then costs one string per row instead of a dozen columns turned into objects,
 * mapped and serialized again. It reads the joins of `summaryColumns` (service_line, channel,
 * company, requester) and must say what `presentSummary` says for the ticket page.
 */
export function summaryJson(dialect: DialectName, actor: Actor): RawBuilder<string> {
  // Customers never see "on hold": to them it is in progress (as `statusFor`).
  const status = actor.staffRole ? sql`ticket.status` : sql`case when ticket.status = 'on_hold' then 'in_progress' else ticket.status end`;
  if (dialect === 'sqlite') {
    // Timestamps are stored as the ISO text `now()` writes.
    return sql<string>`json_object(
      'number', ticket.number, 'summary', ticket.summary, 'status', ${status}, 'criticality', ticket.criticality,
      'serviceLine', json_object('id', service_line.id, 'code', service_line.code, 'name', service_line.name, 'channelKey', channel.key),
      'company', json_object('id', company.id, 'name', company.name),
      'requester', json_object('id', requester.id, 'name', requester.name),
      'createdAt', ticket.created_at, 'updatedAt', ticket.updated_at)`;
  }
  const isoText = (column: RawBuilder<unknown>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return sql<string>`json_build_object(
    'number', ticket.number, 'summary', ticket.summary, 'status', ${status}, 'criticality', ticket.criticality,
    'serviceLine', json_build_object('id', service_line.id, 'code', service_line.code, 'name', service_line.name, 'channelKey', channel.key),
    'company', json_build_object('id', company.id, 'name', company.name),
    'requester', json_build_object('id', requester.id, 'name', requester.name),
    'createdAt', ${isoText(sql`ticket.created_at`)}, 'updatedAt', ${isoText(sql`ticket.updated_at`)})::text`;
}

/** A page of summaries as the list's JSON body, around the rows' own JSON. */
export function summaryPageJson(rows: { json: string }[], nextCursor: string | null): string {
  return `{"tickets":[${rows.map((row) => row.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}
