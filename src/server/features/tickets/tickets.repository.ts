import { sql, type SelectQueryBuilder } from 'kysely';
import type { TicketListQuery } from '../../../contracts/tickets';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { readableBy } from './tickets.policy';

const sortColumns = { updated: 'ticket.updated_at', created: 'ticket.created_at', number: 'ticket.number' } as const;

type Cursor = { v: string | number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if ((typeof parsed.v === 'string' || typeof parsed.v === 'number') && Number.isInteger(parsed.id)) return parsed;
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation', 'errors.validation', { fields: { cursor: 'validation.invalid' } });
}

/** Words of a search turned into an FTS5 query: every word must appear, the last as a prefix. */
export function ftsQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

function summaryColumns<O>(query: SelectQueryBuilder<Database, 'ticket', O>) {
  return query
    .innerJoin('service_line', 'service_line.id', 'ticket.service_line_id')
    .innerJoin('channel', 'channel.id', 'service_line.channel_id')
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .innerJoin('person as requester', 'requester.id', 'ticket.requester_id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.summary',
      'ticket.status',
      'ticket.criticality',
      'ticket.created_at',
      'ticket.updated_at',
      'service_line.id as service_line_id',
      'service_line.code as service_line_code',
      'service_line.name as service_line_name',
      'channel.key as channel_key',
      'company.id as company_id',
      'company.name as company_name',
      'requester.id as requester_id',
      'requester.name as requester_name',
    ]);
}

export type TicketSummaryRow = Awaited<ReturnType<typeof listTickets>>['rows'][number];

/** One page of the tickets the actor may read, filtered, searched and sorted, with keyset paging. */
export async function listTickets(db: Db, actor: Actor, query: TicketListQuery) {
  const column = sortColumns[query.sort];
  const desc = query.order === 'desc';
  let q = db.selectFrom('ticket').where(readableBy(actor));

  if (query.serviceLineId) q = q.where('ticket.service_line_id', '=', query.serviceLineId);
  if (query.channel) {
    const channel = query.channel;
    q = q.where('ticket.service_line_id', 'in', (eb) =>
      eb.selectFrom('service_line').innerJoin('channel', 'channel.id', 'service_line.channel_id').select('service_line.id').where('channel.key', '=', channel),
    );
  }
  if (query.status) q = q.where('ticket.status', '=', query.status);
  if (query.from) q = q.where('ticket.created_at', '>=', new Date(`${query.from}T00:00:00.000Z`).toISOString());
  if (query.to) q = q.where('ticket.created_at', '<', new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  if (query.q) {
    const text = query.q;
    const byNumber = /^\d{1,9}$/.test(text) ? Number(text) : undefined;
    const fts = ftsQuery(text);
    q = q.where((eb) => {
      const branches = [];
      if (byNumber !== undefined) branches.push(eb('ticket.number', '=', byNumber));
      if (fts && db.dialectName === 'sqlite') {
        branches.push(eb('ticket.id', 'in', sql<number>`(select rowid from ticket_fts where ticket_fts match ${fts})`));
      } else if (fts) {
        branches.push(sql<boolean>`ticket.search @@ websearch_to_tsquery('portuguese', ${text})`);
      }
      return branches.length ? eb.or(branches) : eb.lit(false);
    });
  }
  if (query.cursor) {
    const { v, id } = decodeCursor(query.cursor);
    q = q.where((eb) =>
      eb.or([eb(column, desc ? '<' : '>', v), eb.and([eb(column, '=', v), eb('ticket.id', desc ? '<' : '>', id)])]),
    );
  }
  const direction = desc ? 'desc' : 'asc';
  const rows = await summaryColumns(q)
    .orderBy(column, direction)
    .orderBy('ticket.id', direction)
    .limit(query.limit + 1)
    .execute();
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  const sortValue = (row: typeof rows[number]) =>
    query.sort === 'number' ? row.number : new Date(query.sort === 'updated' ? row.updated_at : row.created_at).toISOString();
  return { rows: page, nextCursor: hasMore && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null };
}

/** A ticket by number with every field, if the actor may read it. */
export async function findReadableTicket(db: Db, actor: Actor, number: number) {
  return summaryColumns(db.selectFrom('ticket').where(readableBy(actor)).where('ticket.number', '=', number))
    .innerJoin('category', 'category.id', 'ticket.category_id')
    .innerJoin('origin', 'origin.id', 'ticket.origin_id')
    .innerJoin('effect', 'effect.id', 'ticket.effect_id')
    .innerJoin('module', 'module.id', 'ticket.module_id')
    .innerJoin('routine', 'routine.id', 'ticket.routine_id')
    .leftJoin('version', 'version.id', 'ticket.version_id')
    .leftJoin('environment', 'environment.id', 'ticket.environment_id')
    .innerJoin('person as opener', 'opener.id', 'ticket.opened_by_id')
    .select([
      'ticket.country',
      'ticket.incident',
      'ticket.criticality_reason',
      'category.id as category_id',
      'category.names as category_names',
      'origin.id as origin_id',
      'origin.names as origin_names',
      'effect.id as effect_id',
      'effect.names as effect_names',
      'module.id as module_id',
      'module.name as module_name',
      'routine.id as routine_id',
      'routine.name as routine_name',
      'version.id as version_id',
      'version.name as version_name',
      'environment.id as environment_id',
      'environment.name as environment_name',
      'opener.id as opener_id',
      'opener.name as opener_name',
    ])
    .executeTakeFirst();
}

/** The copies and the history of a ticket; customers get only public events. */
export async function ticketDetails(db: Db, ticketId: number, internal: boolean) {
  const [copies, events] = await Promise.all([
    db.selectFrom('ticket_copy').select('email').where('ticket_id', '=', ticketId).orderBy('email').execute(),
    db
      .selectFrom('ticket_event')
      .innerJoin('person', 'person.id', 'ticket_event.actor_id')
      .select([
        'ticket_event.id',
        'ticket_event.kind',
        'ticket_event.field',
        'ticket_event.from_value',
        'ticket_event.to_value',
        'ticket_event.created_at',
        'person.id as actor_id',
        'person.name as actor_name',
      ])
      .where('ticket_event.ticket_id', '=', ticketId)
      .$if(!internal, (q) => q.where('ticket_event.public', '=', true))
      .orderBy('ticket_event.id')
      .execute(),
  ]);
  return { copies: copies.map((c) => c.email), events };
}
