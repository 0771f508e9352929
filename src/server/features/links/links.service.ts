import type { Kysely } from 'kysely';
import type { LinkedTicketView, TicketLinksView } from '../../../contracts/links';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { forbidden, invalidFields, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { conflict, recordChanges, type TicketChange } from '../tickets/tickets.events';
import { readableBy, refusal } from '../tickets/tickets.policy';
import { statusFor } from '../tickets/tickets.presenter';
import { ticketFacts, unreadableTicket, type TicketFactsRow } from '../tickets/tickets.repository';
import { touchTicket } from './links.touch';

/** The two tickets of a link, both readable by the actor and linkable by them (403/404 else). */
async function pair(trx: Kysely<Database>, actor: Actor, number: number, otherNumber: number, field = 'number') {
  const ticket = await ticketFacts(trx, actor, number);
  if (!ticket) throw await unreadableTicket(trx, number);
  if (refusal(actor, 'link', ticket) === 'forbidden') throw forbidden();
  // The other side is one the actor reads: a link never reaches a company (or group) they cannot see.
  const other = await ticketFacts(trx, actor, otherNumber);
  if (!other) throw invalidFields({ [field]: 'links.errors.notFound' });
  if (other.id === ticket.id) throw invalidFields({ [field]: 'links.errors.same' });
  if (ticket.merged || other.merged) throw invalidFields({ [field]: 'links.errors.merged' });
  return { ticket, other };
}

/** Records the change on this ticket conditionally on the revision the actor saw (null: as read now), 409 when stale. */
async function change(trx: Kysely<Database>, actor: Actor, ticket: TicketFactsRow, revision: number | null, c: TicketChange) {
  if (revision === null) return touchTicket(trx, ticket.id, actor.id, c);
  const done = await recordChanges(trx, ticket.id, actor.id, [c], {}, { revision, status: ticket.status });
  return done ?? conflict(trx, ticket.id, revision);
}

/** Links two tickets as related (both ways); nothing happens when they already are. */
export async function linkRelated(db: Kysely<Database>, actor: Actor, number: number, revision: number | null, input: { number: number }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { ticket, other } = await pair(trx, actor, number, input.number);
    const [from_id, to_id] = ticket.id < other.id ? [ticket.id, other.id] : [other.id, ticket.id];
    const added = await trx
      .insertInto('ticket_link')
      .values({ kind: 'related', from_id, to_id, created_by: actor.id, created_at: now() })
      .onConflict((oc) => oc.columns(['from_id', 'to_id', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) return;
    await change(trx, actor, ticket, revision, { kind: 'links.linked', to: `#${other.number}`, public: false });
    await touchTicket(trx, other.id, actor.id, { kind: 'links.linked', to: `#${ticket.number}`, public: false });
  });
}

/**
 * Links an incident to a problem: the incident's change is conditional on `revision` (null: as
 * read now), and the problem's history names it. An incident has one problem; a problem is not
 * itself an incident. One transaction, the caller's when `db` is one (bulk actions call this per row).
 */
export async function linkToProblem(db: Kysely<Database>, actor: Actor, number: number, revision: number | null, input: { problemNumber: number }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { ticket: incident, other: problem } = await pair(trx, actor, number, input.problemNumber, 'problemNumber');
    const links = await trx
      .selectFrom('ticket_link')
      .select(['from_id', 'to_id'])
      .where('kind', '=', 'incident')
      .where((eb) => eb.or([eb('to_id', 'in', [incident.id, problem.id]), eb('from_id', '=', incident.id)]))
      .execute();
    if (links.some((l) => l.to_id === incident.id && l.from_id === problem.id)) return;
    if (links.some((l) => l.to_id === incident.id)) throw invalidFields({ problemNumber: 'links.errors.hasProblem' });
    if (links.some((l) => l.to_id === problem.id)) throw invalidFields({ problemNumber: 'links.errors.problemIsIncident' });
    if (links.some((l) => l.from_id === incident.id)) throw invalidFields({ problemNumber: 'links.errors.incidentIsProblem' });
    // Another's link of this incident at the same moment is seen only by the unique index (one problem per incident).
    const added = await trx
      .insertInto('ticket_link')
      .values({ kind: 'incident', from_id: problem.id, to_id: incident.id, created_by: actor.id, created_at: now() })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) throw invalidFields({ problemNumber: 'links.errors.hasProblem' });
    await change(trx, actor, incident, revision, { kind: 'links.problem', to: `#${problem.number}`, public: false });
    await touchTicket(trx, problem.id, actor.id, { kind: 'links.incident', to: `#${incident.number}`, public: false });
  });
}

/** Removes the link between two tickets, of either kind and direction; 404 when there is none. */
export async function unlink(db: Kysely<Database>, actor: Actor, number: number, otherNumber: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { ticket, other } = await pair(trx, actor, number, otherNumber);
    const removed = await trx
      .deleteFrom('ticket_link')
      .where((eb) => eb.or([eb.and([eb('from_id', '=', ticket.id), eb('to_id', '=', other.id)]), eb.and([eb('from_id', '=', other.id), eb('to_id', '=', ticket.id)])]))
      .executeTakeFirst();
    if (!Number(removed.numDeletedRows)) throw notFound();
    await touchTicket(trx, ticket.id, actor.id, { kind: 'links.unlinked', to: `#${other.number}`, public: false });
    await touchTicket(trx, other.id, actor.id, { kind: 'links.unlinked', to: `#${ticket.number}`, public: false });
  });
}

/** The incidents of a problem the actor reads, by number. */
export async function incidentNumbers(db: Kysely<Database>, actor: Actor, problemId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ticket_link')
    .innerJoin('ticket', 'ticket.id', 'ticket_link.to_id')
    .select('ticket.number')
    .where('ticket_link.kind', '=', 'incident')
    .where('ticket_link.from_id', '=', problemId)
    .where(readableBy(actor))
    .orderBy('ticket.number')
    .execute();
  return rows.map((r) => r.number);
}

/**
 * A ticket's links as the actor may follow them: only tickets they read (a link never shows one
 * company's ticket to whom cannot read it), and none to customers.
 */
export async function ticketLinks(db: Kysely<Database>, actor: Actor, ticketId: number): Promise<TicketLinksView> {
  if (!actor.staffRole) return { related: [], problem: null, incidents: [] };
  const rows = await db
    .selectFrom('ticket_link')
    .innerJoin('ticket', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('ticket_link.from_id', '=', ticketId), eb('ticket.id', '=', eb.ref('ticket_link.to_id'))]),
          eb.and([eb('ticket_link.to_id', '=', ticketId), eb('ticket.id', '=', eb.ref('ticket_link.from_id'))]),
        ]),
      ),
    )
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .select(['ticket_link.kind', 'ticket_link.from_id', 'ticket.number', 'ticket.summary', 'ticket.status', 'company.id as company_id', 'company.name as company_name'])
    .where((eb) => eb.or([eb('ticket_link.from_id', '=', ticketId), eb('ticket_link.to_id', '=', ticketId)]))
    .where(readableBy(actor))
    .orderBy('ticket.number')
    .execute();
  const view = (r: (typeof rows)[number]): LinkedTicketView => ({
    number: r.number,
    summary: r.summary,
    status: statusFor(actor, r.status),
    company: { id: r.company_id, name: r.company_name },
  });
  const problem = rows.find((r) => r.kind === 'incident' && r.from_id !== ticketId);
  return {
    related: rows.filter((r) => r.kind === 'related').map(view),
    problem: problem ? view(problem) : null,
    incidents: rows.filter((r) => r.kind === 'incident' && r.from_id === ticketId).map(view),
  };
}
