import { maxTagsPerTicket } from '../../../contracts/views';
import { now } from '../../db/columns';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { forbidden, invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { conflict, recordChanges } from '../tickets/tickets.events';
import type { TicketFactsRow } from '../tickets/tickets.repository';
import { tagsOf } from './tags.repository';

/**
 * Adds and removes an agent's tags on a ticket, in one transaction that is conditional on the
 * revision the agent saw (a change since is a 409 with what changed) and recorded in the history
 * as an internal event: customers never see a tag. New names become tags.
 */
export async function changeTicketTags(db: Kysely<Database>, actor: Actor, ticket: TicketFactsRow, input: { add: string[]; remove: string[]; revision: number }) {
  if (!actor.staffRole) throw forbidden();
  await inTransaction(db, async (trx) => {
    const before = await tagsOf(trx, ticket.id);
    const removed = new Set(input.remove.filter((name) => before.includes(name)));
    const added = [...new Set(input.add)].filter((name) => !before.includes(name) && !removed.has(name));
    const after = [...before.filter((name) => !removed.has(name)), ...added].sort();
    if (after.length > maxTagsPerTicket) throw invalidFields({ add: { key: 'validation.itemsMax', params: { max: maxTagsPerTicket } } });
    const change = { kind: 'tags', field: 'tags', from: before.join(', '), to: after.join(', '), public: false };
    const changed = added.length > 0 || removed.size > 0;
    const revision = await recordChanges(trx, ticket.id, actor.id, changed ? [change] : [], {}, { revision: input.revision, status: ticket.status });
    if (revision === undefined) await conflict(trx, ticket.id, input.revision);
    if (added.length) {
      await trx
        .insertInto('tag')
        .values(added.map((name) => ({ name, created_at: now() })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const ids = await trx.selectFrom('tag').select('id').where('name', 'in', added).execute();
      await trx
        .insertInto('ticket_tag')
        .values(ids.map((t) => ({ ticket_id: ticket.id, tag_id: t.id })))
        .execute();
    }
    if (removed.size) {
      await trx
        .deleteFrom('ticket_tag')
        .where('ticket_id', '=', ticket.id)
        .where('tag_id', 'in', (eb) => eb.selectFrom('tag').select('id').where('name', 'in', [...removed]))
        .execute();
    }
  });
}

/**
 * Tags beginning with what an agent typed, in name order. Names are lower case, so the prefix is
 * too; SQLite compares bytes, so a range of names seeks the unique index, and PostgreSQL's LIKE
 * reads its pattern index (migration 013).
 */
export async function tagsStartingWith(db: Db, prefix: string, limit: number): Promise<string[]> {
  const start = prefix.normalize('NFC').toLowerCase();
  let q = db.selectFrom('tag').select('name').orderBy('name').limit(inlineLimit(limit));
  if (start) {
    q =
      db.dialectName === 'sqlite'
        ? q.where('name', '>=', start).where('name', '<', `${start}\u{10FFFF}`)
        : q.where('name', 'like', `${start.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  return (await q.execute()).map((r) => r.name);
}
