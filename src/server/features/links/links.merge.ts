import type { Kysely } from 'kysely';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { forbidden, invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { reasonByKey } from '../closing/closing.service';
import { conflict, recordChanges, statusChange } from '../tickets/tickets.events';
import { notifyCustomers } from '../tickets/tickets.notify';
import { refusal } from '../tickets/tickets.policy';
import { ticketFacts, unreadableTicket } from '../tickets/tickets.repository';
import { touchTicket } from './links.touch';

/**
 * Merges a duplicate into another open ticket of the same company, in one transaction: the
 * duplicate's opening text becomes a message of the target, its conversation, attachments and
 * copies move there (its requester becomes a copy, so they follow it), and it closes with the
 * reason "Duplicado" pointing to the target ("mesclado no chamado #N"), which its customers are
 * mailed. Conditional on the duplicate's `revision`: a stale or concurrent merge gets 409 and
 * moves nothing.
 */
export async function mergeTicket(db: Kysely<Database>, actor: Actor, number: number, revision: number, input: { targetNumber: number }, publicUrl: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const source = await ticketFacts(trx, actor, number);
    if (!source) throw await unreadableTicket(trx, number);
    const why = refusal(actor, 'merge', source);
    if (why === 'forbidden') throw forbidden();
    if (why === 'conflict') await conflict(trx, source.id, revision, 'tickets.notNow');
    const target = await ticketFacts(trx, actor, input.targetNumber);
    if (!target) throw invalidFields({ targetNumber: 'links.errors.notFound' });
    if (target.id === source.id) throw invalidFields({ targetNumber: 'links.errors.same' });
    // A merge shows one company's conversation to the other's customers: never across companies.
    if (target.companyId !== source.companyId) throw invalidFields({ targetNumber: 'links.errors.otherCompany' });
    if (target.status === 'closed') throw invalidFields({ targetNumber: 'links.errors.closed' });

    const reason = await reasonByKey(trx, 'duplicate');
    // Told before the copies move: the duplicate's own requester and copies.
    await notifyCustomers(trx, publicUrl, source.id, (t) => [t('links.mail.merged', { number: source.number, target: target.number })], `merged-${revision}`);
    const closed = await recordChanges(
      trx,
      source.id,
      actor.id,
      [statusChange(source.status, 'closed'), { kind: 'links.merged_into', to: `#${target.number}`, public: true }],
      { status: 'closed', closed_at: now(), close_reason_id: reason.id, merged_into_id: target.id, solution_proposed_at: null },
      { revision, status: source.status },
    );
    if (closed === undefined) await conflict(trx, source.id, revision);
    await touchTicket(trx, target.id, actor.id, { kind: 'links.merged_from', to: `#${source.number}`, public: true });

    const opening = await trx.selectFrom('ticket').select(['summary', 'incident', 'requester_id', 'created_at']).where('id', '=', source.id).executeTakeFirstOrThrow();
    await trx
      .insertInto('ticket_article')
      .values({ ticket_id: target.id, author_id: opening.requester_id, kind: 'reply', body: `#${source.number} — ${opening.summary}\n\n${opening.incident}`, internal: false, created_at: opening.created_at })
      .execute();
    await trx.updateTable('ticket_article').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).execute();
    await trx.updateTable('attachment').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).execute();
    await trx.updateTable('notification').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).where('article_id', 'is not', null).execute();

    const people = await trx
      .selectFrom('ticket')
      .innerJoin('person', 'person.id', 'ticket.requester_id')
      .select(['ticket.id', 'person.email'])
      .where('ticket.id', 'in', [source.id, target.id])
      .execute();
    const targetRequester = people.find((p) => p.id === target.id)!.email;
    const copies = await trx.selectFrom('ticket_copy').select('email').where('ticket_id', '=', source.id).execute();
    const emails = [...new Set([people.find((p) => p.id === source.id)!.email, ...copies.map((c) => c.email)])].filter((e) => e !== targetRequester);
    if (emails.length) {
      await trx
        .insertInto('ticket_copy')
        .values(emails.map((email) => ({ ticket_id: target.id, email })))
        .onConflict((oc) => oc.columns(['ticket_id', 'email']).doNothing())
        .execute();
    }
    await trx.deleteFrom('ticket_copy').where('ticket_id', '=', source.id).execute();
    await moveLinks(trx, source.id, target.id, actor.id);
  });
}

/**
 * The merged ticket's links become the target's, so that none is stranded on a ticket that can no
 * longer be linked or unlinked: related tickets become related to the target; the duplicate's
 * incidents become the target's when the target may be a problem (it is nobody's incident); its own
 * problem becomes the target's when the target may be an incident (it has no problem nor incidents).
 * A link between the two, one the target already has, or one it may not have is dropped.
 */
async function moveLinks(trx: Kysely<Database>, sourceId: number, targetId: number, actorId: string): Promise<void> {
  const links = await trx
    .selectFrom('ticket_link')
    .select(['id', 'kind', 'from_id', 'to_id'])
    .where((eb) => eb.or([eb('from_id', '=', sourceId), eb('to_id', '=', sourceId)]))
    .execute();
  if (!links.length) return;
  await trx.deleteFrom('ticket_link').where('id', 'in', links.map((l) => l.id)).execute();
  const other = (l: (typeof links)[number]) => (l.from_id === sourceId ? l.to_id : l.from_id);
  const kept = links.filter((l) => other(l) !== targetId);
  const incidentOfTarget = async () =>
    (await trx.selectFrom('ticket_link').select('id').where('kind', '=', 'incident').where('to_id', '=', targetId).executeTakeFirst()) !== undefined;
  const problemOfTarget = async () =>
    (await trx.selectFrom('ticket_link').select('id').where('kind', '=', 'incident').where('from_id', '=', targetId).executeTakeFirst()) !== undefined;
  const add = (kind: 'related' | 'incident', from_id: number, to_id: number) =>
    trx
      .insertInto('ticket_link')
      .values({ kind, from_id, to_id, created_by: actorId, created_at: now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const l of kept.filter((k) => k.kind === 'related')) {
    const x = other(l);
    await add('related', Math.min(x, targetId), Math.max(x, targetId));
  }
  const incidents = kept.filter((k) => k.kind === 'incident' && k.from_id === sourceId);
  if (incidents.length && !(await incidentOfTarget())) for (const l of incidents) await add('incident', targetId, l.to_id);
  const problem = kept.find((k) => k.kind === 'incident' && k.to_id === sourceId);
  if (problem && !(await incidentOfTarget()) && !(await problemOfTarget())) await add('incident', problem.from_id, targetId);
}
