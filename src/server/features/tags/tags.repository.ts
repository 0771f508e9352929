import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The tags of a ticket, in name order. `db` may be a transaction. */
export async function tagsOf(db: Kysely<Database>, ticketId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket_tag')
    .innerJoin('tag', 'tag.id', 'ticket_tag.tag_id')
    .select('tag.name')
    .where('ticket_tag.ticket_id', '=', ticketId)
    .orderBy('tag.name')
    .execute();
  return rows.map((r) => r.name);
}
