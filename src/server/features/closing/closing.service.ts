import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { closeInput } from '../../../contracts/closing';
import { localized } from '../../../contracts/i18n';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { forbidden, invalidFields } from '../../lib/errors';
import { recordEvent } from '../../lib/events';
import type { Actor } from '../auth/auth.actor';
import { conflict, recordChanges, statusChange } from '../tickets/tickets.events';
import { notifyCustomers } from '../tickets/tickets.notify';
import { refusal } from '../tickets/tickets.policy';
import { ticketFacts, unreadableTicket } from '../tickets/tickets.repository';

export type CloseInput = Omit<z.infer<typeof closeInput>, 'revision'>;

/** An active close reason by id, or a 400 naming the field. */
export async function activeReason(db: Kysely<Database>, id: number, field = 'reasonId') {
  const reason = await db.selectFrom('close_reason').select(['id', 'names', 'notify_customer']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
  if (!reason) throw invalidFields({ [field]: 'validation.notInList' });
  return { id: reason.id, names: JSON.parse(reason.names) as Record<string, string>, notify: Boolean(reason.notify_customer) };
}

/** One of the reasons Atende itself uses (seeded by migration 014), active or not. */
export async function reasonByKey(db: Kysely<Database>, key: 'duplicate' | 'no_response' | 'spam') {
  const reason = await db.selectFrom('close_reason').select(['id', 'names', 'notify_customer']).where('key', '=', key).executeTakeFirstOrThrow();
  return { id: reason.id, names: JSON.parse(reason.names) as Record<string, string>, notify: Boolean(reason.notify_customer) };
}

/**
 * An agent closes a ticket with a reason from the administrator's list and an optional public
 * message; the customer side is mailed unless the reason says not to (spam). One transaction
 * (the caller's when `db` is one: bulk actions call this per row); the closing is conditional on
 * `revision` and the status read, so a stale or concurrent one gets 409 and writes nothing.
 */
export async function closeWithReason(db: Kysely<Database>, actor: Actor, number: number, revision: number, input: CloseInput, publicUrl: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const ticket = await ticketFacts(trx, actor, number);
    if (!ticket) throw await unreadableTicket(trx, number);
    const why = refusal(actor, 'closeWithReason', ticket);
    if (why === 'forbidden') throw forbidden();
    if (why === 'conflict') await conflict(trx, ticket.id, revision, 'tickets.notNow');
    const reason = await activeReason(trx, input.reasonId);
    const closed = await recordChanges(
      trx,
      ticket.id,
      actor.id,
      [statusChange(ticket.status, 'closed'), { kind: 'closing.closed', to: localized(reason.names, 'pt-BR'), public: reason.notify }],
      { status: 'closed', closed_at: now(), close_reason_id: reason.id, solution_proposed_at: null },
      { revision, status: ticket.status },
    );
    if (closed === undefined) await conflict(trx, ticket.id, revision);
    const message = input.message?.trim();
    if (message) {
      const { id } = await trx
        .insertInto('ticket_article')
        .values({ ticket_id: ticket.id, author_id: actor.id, kind: 'reply', body: message, internal: false, created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      recordEvent(trx, { type: 'article.added', ticketId: ticket.id, articleId: id, authorId: actor.id, byStaff: true, internal: false, body: message });
    }
    if (reason.notify) {
      await notifyCustomers(
        trx,
        publicUrl,
        ticket.id,
        (t, language) => [t('closing.mail.closed', { author: actor.name, reason: localized(reason.names, language) }), ...(message ? [message] : [])],
        `closed-${closed}`,
      );
    }
  });
}
