import type { DialectMigration } from './types';

/**
 * Every sort and status filter of the ticket lists reads an index in order and stops at the page,
 * also for staff, whose lists span most of the tickets: without these, a list sorted by creation
 * or criticality, or filtered by status, sorted every matching ticket, and the workspace's counts
 * read the tickets themselves (seconds at 1M tickets).
 */
export const listIndexes: DialectMigration = {
  async up(db) {
    await db.schema.createIndex('ticket_created').on('ticket').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('ticket_status_updated').on('ticket').columns(['status', 'updated_at', 'id']).execute();
    await db.schema.createIndex('ticket_criticality').on('ticket').columns(['criticality_rank', 'created_at', 'id']).execute();
    // The workspace's "mine" and "unassigned" (assignee null), newest activity first.
    await db.schema.createIndex('ticket_assignee_updated').on('ticket').columns(['assignee_id', 'updated_at', 'id']).execute();
    // The workspace's counts: "recently closed"; "mine" and "unassigned" by status and group,
    // from the index alone (the assignee's index had no group; their lists now walk the above).
    await db.schema.createIndex('ticket_status_closed').on('ticket').columns(['status', 'closed_at']).execute();
    await db.schema.dropIndex('ticket_assignee_status').execute();
    await db.schema.createIndex('ticket_assignee_status').on('ticket').columns(['assignee_id', 'status', 'group_id']).execute();
  },
};
