import type { DialectMigration } from './types';

/** Macros: canned replies with actions, personal or shared, with a usage count for the picker's order. */
export const macros: DialectMigration = {
  async up(db, d) {
    await d
      .addId(db.schema.createTable('macro'))
      .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('set_status', 'text')
      .addColumn('add_tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('set_group_id', 'integer', (c) => c.references('agent_group.id'))
      .addColumn('share', 'text', (c) => c.notNull())
      .addColumn('group_id', 'integer', (c) => c.references('agent_group.id'))
      .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('macro_owner').on('macro').columns(['owner_id', 'id']).execute();
    await db.schema.createIndex('macro_group').on('macro').columns(['group_id', 'id']).execute();
    await db.schema.createIndex('macro_share').on('macro').columns(['share', 'id']).execute();
  },
};
