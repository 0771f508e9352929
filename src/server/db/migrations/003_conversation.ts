import { sql } from 'kysely';
import type { DialectMigration } from './types';

/** Groups serve service lines; articles (replies, notes) with attachments; the ticket's lifecycle fields. */
export const conversation: DialectMigration = {
  async up(db, d) {
    await db.schema
      .createTable('group_service_line')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('agent_group.id').onDelete('cascade'))
      .addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
      .addPrimaryKeyConstraint('group_service_line_pk', ['group_id', 'service_line_id'])
      .execute();
    await db.schema.createIndex('group_service_line_line').on('group_service_line').columns(['service_line_id', 'group_id']).execute();

    for (const [column, type] of [
      ['criticality_rank', 'integer'],
      ['solution_proposed_at', d.timestamp],
      ['closed_at', d.timestamp],
      ['rating', 'integer'],
      ['rating_comment', 'text'],
    ] as const) {
      await db.schema.alterTable('ticket').addColumn(column, type).execute();
    }
    await sql`update ticket set criticality_rank = case criticality
      when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`.execute(db);
    await db.schema.alterTable('ticket_event').addColumn('note', 'text').execute();
    // The ticket revision a change produced, to tell a stale editor what changed since.
    await db.schema.alterTable('ticket_event').addColumn('revision', 'integer').execute();

    // The agent workspace reads by group and status, most critical and oldest first.
    await db.schema.createIndex('ticket_group_status').on('ticket').columns(['group_id', 'status', 'criticality_rank', 'created_at', 'id']).execute();
    await db.schema.createIndex('ticket_assignee_status').on('ticket').columns(['assignee_id', 'status', 'criticality_rank', 'created_at', 'id']).execute();
    await db.schema.createIndex('ticket_solution_due').on('ticket').columns(['status', 'solution_proposed_at']).execute();

    await d
      .addId(db.schema.createTable('ticket_article'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('internal', d.bool, (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_article_ticket').on('ticket_article').columns(['ticket_id', 'id']).execute();

    await db.schema
      .createTable('attachment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('article_id', 'integer', (c) => c.references('ticket_article.id').onDelete('cascade'))
      .addColumn('uploader_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachment_article').on('attachment').columns(['article_id']).execute();
    await db.schema.createIndex('attachment_ticket').on('attachment').columns(['ticket_id']).execute();
  },
};
