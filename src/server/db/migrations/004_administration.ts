import type { DialectMigration } from './types';

/** Per-company deactivation, pending e-mail changes, help channels and articles, the audit log. */
export const administration: DialectMigration = {
  async up(db, d) {
    await db.schema.alterTable('membership').addColumn('active', d.bool, (c) => c.notNull().defaultTo(true)).execute();
    await db.schema.alterTable('person').addColumn('pending_email', 'text').execute();

    await d
      .addId(db.schema.createTable('help_channel'))
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('descriptions', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('option', 'text')
      .addColumn('url', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    await d
      .addId(db.schema.createTable('help_article'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('titles', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();

    await d
      .addId(db.schema.createTable('audit_event'))
      .addColumn('actor_id', 'text', (c) => c.references('person.id'))
      .addColumn('company_id', 'integer', (c) => c.references('company.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_event_company').on('audit_event').columns(['company_id', 'id']).execute();
    await db.schema.createIndex('audit_event_created').on('audit_event').columns(['id']).execute();
  },
};
