import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';

/** The tables a ticket's summary names: its service line and channel, company and requester. */
export function summaryJoins<O>(query: SelectQueryBuilder<Database, 'ticket', O>) {
  return query
    .innerJoin('service_line', 'service_line.id', 'ticket.service_line_id')
    .innerJoin('channel', 'channel.id', 'service_line.channel_id')
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .innerJoin('person as requester', 'requester.id', 'ticket.requester_id');
}

/**
 * What agents' lists add to a row (a view's columns): the module, the group, the assignee. The
 * tags are read per row from their primary key (`staffColumnsJson`).
 */
export function staffListJoins<O>(query: ReturnType<typeof summaryJoins<O>>) {
  return query
    .innerJoin('module', 'module.id', 'ticket.module_id')
    .leftJoin('agent_group', 'agent_group.id', 'ticket.group_id')
    .leftJoin('person as assignee', 'assignee.id', 'ticket.assignee_id');
}

/** A timestamp column as the ISO text JavaScript writes (PostgreSQL; SQLite stores that text). */
const isoText = (column: RawBuilder<unknown>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A ticket's summary (contracts' `ticketSummaryView`) rendered as JSON text by the database, for
 * the lists: a page then costs one string per row instead of a dozen columns turned into objects,
 * mapped and serialized again. It reads `summaryJoins` and must say what `presentSummary` says
 * for the ticket page.
 */
export function summaryJson(dialect: DialectName, role: Actor['staffRole']): RawBuilder<string> {
  // Customers never see "on hold": to them it is in progress (as `statusFor`).
  const status = role ? sql`ticket.status` : sql`case when ticket.status = 'on_hold' then 'in_progress' else ticket.status end`;
  const staff = role ? sql`, ${staffColumnsJson(dialect)}` : sql``;
  if (dialect === 'sqlite') {
    // Timestamps are stored as the ISO text `now()` writes.
    return sql<string>`json_object(
      'number', ticket.number, 'summary', ticket.summary, 'status', ${status}, 'criticality', ticket.criticality,
      'serviceLine', json_object('id', service_line.id, 'code', service_line.code, 'name', service_line.name, 'channelKey', channel.key),
      'company', json_object('id', company.id, 'name', company.name),
      'requester', json_object('id', requester.id, 'name', requester.name),
      'createdAt', ticket.created_at, 'updatedAt', ticket.updated_at${staff})`;
  }
  return sql<string>`json_build_object(
    'number', ticket.number, 'summary', ticket.summary, 'status', ${status}, 'criticality', ticket.criticality,
    'serviceLine', json_build_object('id', service_line.id, 'code', service_line.code, 'name', service_line.name, 'channelKey', channel.key),
    'company', json_build_object('id', company.id, 'name', company.name),
    'requester', json_build_object('id', requester.id, 'name', requester.name),
    'createdAt', ${isoText(sql`ticket.created_at`)}, 'updatedAt', ${isoText(sql`ticket.updated_at`)}${staff})::text`;
}

/** The agents' columns of a list row, as key-value pairs of the row's JSON object (`staffListJoins`); the revision a bulk action sends back. */
function staffColumnsJson(dialect: DialectName): RawBuilder<string> {
  // SQLite keeps timestamps as ISO text already; PostgreSQL's are written the same way.
  const isoOrNull = (column: RawBuilder<unknown>) => (dialect === 'sqlite' ? column : sql`case when ${column} is null then null else ${isoText(column)} end`);
  const object = dialect === 'sqlite' ? sql.raw('json_object') : sql.raw('json_build_object');
  const tags =
    dialect === 'sqlite'
      ? sql`(select coalesce(json_group_array(name), '[]') from (select tag.name from ticket_tag join tag on tag.id = ticket_tag.tag_id where ticket_tag.ticket_id = ticket.id order by tag.name))`
      : sql`(select coalesce(json_agg(tag.name order by tag.name), '[]'::json) from ticket_tag join tag on tag.id = ticket_tag.tag_id where ticket_tag.ticket_id = ticket.id)`;
  // SQLite reads a subquery's JSON text as text unless json() says it is JSON.
  const tagsJson = dialect === 'sqlite' ? sql`json(${tags})` : tags;
  return sql<string>`'revision', ticket.revision, 'module', ${object}('id', module.id, 'name', module.name),
    'group', case when agent_group.id is null then null else ${object}('id', agent_group.id, 'name', agent_group.name) end,
    'assignee', case when assignee.id is null then null else ${object}('id', assignee.id, 'name', assignee.name) end,
    'tags', ${tagsJson},
    'slaDue', ${object}('dueAt', ${isoOrNull(sql`ticket.sla_due_at`)}, 'warnAt', ${isoOrNull(sql`ticket.sla_warn_at`)}, 'breachedAt', ${isoOrNull(sql`ticket.sla_breached_at`)}, 'breached', ${
      dialect === 'sqlite' ? sql`json(case when ticket.sla_breached_at is null then 'false' else 'true' end)` : sql`ticket.sla_breached_at is not null`
    })`;
}

/**
 * A row's keyset cursor as one line of text: its sort values and its id, split by tabs (none of
 * them holds one). The list turns the last row's into the cursor it hands out (listTickets); a
 * JSON object per row cost a sixth of the list query. A ticket without a rank counts as the
 * lowest level.
 */
export function cursorLine(dialect: DialectName, columns: readonly string[]): RawBuilder<string> {
  const values = columns.map((column) =>
    column === 'ticket.criticality_rank'
      ? sql`coalesce(ticket.criticality_rank, 4)`
      : dialect === 'postgres' && column.endsWith('_at')
        ? isoText(sql.ref(column))
        : sql.ref(column),
  );
  return dialect === 'sqlite'
    ? sql<string>`${sql.join([...values, sql`ticket.id`], sql` || char(9) || `)}`
    : sql<string>`concat_ws(E'\t', ${sql.join([...values, sql`ticket.id`])})`;
}

/** The list's JSON body around a page's summaries, a JSON array the database rendered (listTickets). */
export function summaryPageJson(tickets: Buffer, nextCursor: string | null): Buffer {
  return Buffer.concat([Buffer.from('{"tickets":'), tickets, Buffer.from(`,"nextCursor":${JSON.stringify(nextCursor)}}`)]);
}
