import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * Tags on tickets, saved views, and the indexes the views read at scale: every sort of an open
 * view walks an index of the open tickets only (partial, `status <> 'closed'`), overall and per
 * assignee, in the sort's order, and stops at the page. Before, "mine" by criticality walked the
 * criticality index of every ticket, mostly closed ones (464 ms at 1M tickets). The assignee's
 * index of every ticket by update served only those open views and goes. "Recently closed" is
 * counted and read from the closing index, now with the group and status it checks.
 */
export const views: DialectMigration = {
  async up(db, d) {
    await d
      .addId(db.schema.createTable('tag'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ticket_tag')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tag.id'))
      .addPrimaryKeyConstraint('ticket_tag_pk', ['ticket_id', 'tag_id'])
      .execute();
    // An agent's autocomplete: PostgreSQL's LIKE 'prefix%' reads this (SQLite seeks the unique index by range).
    if (d.name === 'postgres') await sql`create index tag_name_prefix on tag (name text_pattern_ops)`.execute(db);
    await db.schema.createIndex('ticket_tag_tag').on('ticket_tag').columns(['tag_id', 'ticket_id']).execute();

    await d
      .addId(db.schema.createTable('saved_view'))
      .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('share', 'text', (c) => c.notNull())
      .addColumn('group_id', 'integer', (c) => c.references('agent_group.id'))
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('sort', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'text', (c) => c.notNull())
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saved_view_owner').on('saved_view').columns(['owner_id', 'id']).execute();
    await db.schema.createIndex('saved_view_group').on('saved_view').columns(['group_id', 'id']).execute();

    const open = sql<boolean>`status <> 'closed'`;
    await db.schema.createIndex('ticket_open_updated').on('ticket').columns(['updated_at', 'id']).where(open).execute();
    await db.schema.createIndex('ticket_open_criticality').on('ticket').columns(['criticality_rank', 'created_at', 'id']).where(open).execute();
    await db.schema.createIndex('ticket_open_number').on('ticket').column('number').where(open).execute();
    await db.schema.createIndex('ticket_open_assignee_updated').on('ticket').columns(['assignee_id', 'updated_at', 'id']).where(open).execute();
    await db.schema
      .createIndex('ticket_open_assignee_criticality')
      .on('ticket')
      .columns(['assignee_id', 'criticality_rank', 'created_at', 'id'])
      .where(open)
      .execute();
    await db.schema.createIndex('ticket_open_assignee_number').on('ticket').columns(['assignee_id', 'number']).where(open).execute();
    // "Waiting" by criticality: the open tickets' index would first walk every older one on hold.
    // The status as no index reads it (tickets.filters.ts, `isWaiting`).
    await db.schema
      .createIndex('ticket_waiting_criticality')
      .on('ticket')
      .columns(['criticality_rank', 'created_at', 'id'])
      .where(sql<boolean>`(status || '') in ('waiting_customer', 'solution_proposed')`)
      .execute();
    await db.schema.dropIndex('ticket_assignee_updated').execute();
    await db.schema.dropIndex('ticket_closed').execute();
    await db.schema.createIndex('ticket_closed').on('ticket').columns(['closed_at', 'group_id', 'status']).where(sql.ref('closed_at'), 'is not', null).execute();
    if (d.name === 'sqlite') await searchByCriticality(db);
  },
};

/**
 * SQLite: the search index's `scope` also holds the criticality ("k0" critical … "k4"), so a
 * search by criticality reads each level's matches in opening order and stops at the page
 * (tickets.list.ts) instead of reading every match and sorting them (20–50 ms for a common word
 * at 1M tickets). The triggers write it, also when the criticality changes; every ticket's entry
 * is written again once (about 12 s at 1M tickets, as migration 006).
 */
async function searchByCriticality(db: Parameters<DialectMigration['up']>[0]) {
  const row = (r: string) =>
    sql.raw(`${r}.id, 'c' || ${r}.company_id || ' g' || coalesce(${r}.group_id, 0) || ' k' || coalesce(${r}.criticality_rank, 4), ${r}.summary, ${r}.incident`);
  await sql`drop trigger ticket_search_insert`.execute(db);
  await sql`drop trigger ticket_search_update`.execute(db);
  await sql`create trigger ticket_search_insert after insert on ticket begin
    insert into ticket_search(rowid, scope, summary, incident) values (${row('new')}); end`.execute(db);
  await sql`create trigger ticket_search_update after update of summary, incident, company_id, group_id, criticality_rank on ticket begin
    delete from ticket_search where rowid = old.id;
    insert into ticket_search(rowid, scope, summary, incident) values (${row('new')}); end`.execute(db);
  await sql`insert into ticket_search(ticket_search) values ('delete-all')`.execute(db);
  await sql`insert into ticket_search(rowid, scope, summary, incident) select ${row('ticket')} from ticket`.execute(db);
  await sql`insert into ticket_search(ticket_search) values ('optimize')`.execute(db);
}
