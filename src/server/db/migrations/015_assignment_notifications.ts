import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * Assignment per group (manual, round-robin or least-loaded, with a cap of open tickets per agent),
 * agents' skills by module and their availability; in-app notifications and each person's choice
 * of which of them also come by mail.
 */
export const assignmentNotifications: DialectMigration = {
  async up(db, d) {
    await db.schema.alterTable('agent_group').addColumn('assignment', 'text', (c) => c.notNull().defaultTo('manual')).execute();
    await db.schema.alterTable('agent_group').addColumn('open_cap', 'integer').execute();
    // Taken in the opening's transaction: its row lock (PostgreSQL) or the one writer (SQLite) gives each turn once.
    await db.schema.alterTable('agent_group').addColumn('assignment_turn', 'integer', (c) => c.notNull().defaultTo(0)).execute();

    await db.schema
      .createTable('agent_skill')
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('agent_skill_pk', ['person_id', 'module_id'])
      .execute();
    await db.schema
      .createTable('agent_availability')
      .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
      .addColumn('available', d.bool, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();

    await d
      .addId(db.schema.createTable('notification'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.references('person.id').onDelete('set null'))
      .addColumn('article_id', 'integer', (c) => c.references('ticket_article.id').onDelete('set null'))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('read_at', d.timestamp)
      .execute();
    await db.schema.createIndex('notification_person').on('notification').columns(['person_id', 'id']).execute();
    await db.schema.createIndex('notification_unread').on('notification').column('person_id').where(sql.ref('read_at'), 'is', null).execute();
    await db.schema
      .createTable('notification_preference')
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mail', d.bool, (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_preference_pk', ['person_id', 'kind'])
      .execute();
  },
};
