import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * Every sort of the ticket lists reads an index in order and stops at the page, also for staff,
 * whose lists span most of the tickets: without these, a list by criticality or of an assignee
 * sorted every matching ticket, and the workspace's counts read the tickets themselves (seconds
 * at 1M tickets). Each is one more entry per opening, so sorts by creation read the number's
 * index and status filters the sort's (tickets.list.ts); only closed tickets have a closing time
 * to index.
 */
export const listIndexes: DialectMigration = {
  async up(db) {
    await db.schema.createIndex('ticket_criticality').on('ticket').columns(['criticality_rank', 'created_at', 'id']).execute();
    // The workspace's "mine" and "unassigned" (assignee null), newest activity first.
    await db.schema.createIndex('ticket_assignee_updated').on('ticket').columns(['assignee_id', 'updated_at', 'id']).execute();
    // The workspace's counts: "recently closed", from a partial index that openings do not write;
    // "mine" and "unassigned" by status and group from the index alone (the assignee's index had
    // no group; their lists walk the one above).
    await db.schema.createIndex('ticket_closed').on('ticket').column('closed_at').where(sql.ref('closed_at'), 'is not', null).execute();
    await db.schema.dropIndex('ticket_assignee_status').execute();
    await db.schema.createIndex('ticket_assignee_status').on('ticket').columns(['assignee_id', 'status', 'group_id']).execute();
  },
};
