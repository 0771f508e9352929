import { sql } from 'kysely';
import { seedReferenceData } from './002_reference';
import type { DialectMigration } from './types';

/** Categories, origins and the criticality matrix; tickets, their copies, history and numbers; search. */
export const tickets: DialectMigration = {
  async up(db, d) {
    await d
      .addId(db.schema.createTable('category'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('help', 'text', (c) => c.notNull())
      .addColumn('cap_level', 'text')
      .addColumn('needs_consulting_right', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    await d
      .addId(db.schema.createTable('origin'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('help', 'text', (c) => c.notNull())
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    await db.schema
      .createTable('criticality_cell')
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('criticality_cell_pk', ['impact', 'urgency'])
      .execute();
    await seedReferenceData(db);

    await d
      .addId(db.schema.createTable('ticket'))
      .addColumn('number', 'integer', (c) => c.notNull().unique())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
      .addColumn('requester_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('opened_by_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer', (c) => c.notNull().references('category.id'))
      .addColumn('origin_id', 'integer', (c) => c.notNull().references('origin.id'))
      .addColumn('effect_id', 'integer', (c) => c.notNull().references('effect.id'))
      .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
      .addColumn('routine_id', 'integer', (c) => c.notNull().references('routine.id'))
      .addColumn('version_id', 'integer', (c) => c.references('version.id'))
      .addColumn('environment_id', 'integer', (c) => c.references('environment.id'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('incident', 'text', (c) => c.notNull())
      .addColumn('criticality', 'text', (c) => c.notNull())
      .addColumn('criticality_reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('group_id', 'integer', (c) => c.references('agent_group.id'))
      .addColumn('assignee_id', 'text', (c) => c.references('person.id'))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    // The lists read newest-updated first within a company, a requester, or everything.
    await db.schema.createIndex('ticket_company_updated').on('ticket').columns(['company_id', 'updated_at', 'id']).execute();
    await db.schema.createIndex('ticket_requester_updated').on('ticket').columns(['requester_id', 'updated_at', 'id']).execute();
    await db.schema.createIndex('ticket_updated').on('ticket').columns(['updated_at', 'id']).execute();

    await db.schema
      .createTable('ticket_copy')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_copy_pk', ['ticket_id', 'email'])
      .execute();
    await db.schema.createIndex('ticket_copy_email').on('ticket_copy').columns(['email', 'ticket_id']).execute();

    await d
      .addId(db.schema.createTable('ticket_event'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.references('person.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('from_value', 'text')
      .addColumn('to_value', 'text')
      .addColumn('public', d.bool, (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_event_ticket').on('ticket_event').columns(['ticket_id', 'id']).execute();

    await db.schema
      .createTable('ticket_sequence')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('ticket_sequence').values({ name: 'ticket', value: 0 }).execute();

    if (d.name === 'postgres') {
      await sql`alter table ticket add column search tsvector
        generated always as (to_tsvector('portuguese', summary || ' ' || incident)) stored`.execute(db);
      await sql`create index ticket_search on ticket using gin (search)`.execute(db);
    } else {
      // A contentless FTS5 index whose `scope` column holds "c<company> g<group>" tokens, so a
      // search runs inside the caller's companies or groups instead of over every ticket.
      await sql`create virtual table ticket_search using fts5(scope, summary, incident, content='',
        contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
      const row = (r: string) => sql.raw(`${r}.id, 'c' || ${r}.company_id || ' g' || coalesce(${r}.group_id, 0), ${r}.summary, ${r}.incident`);
      await sql`create trigger ticket_search_insert after insert on ticket begin
        insert into ticket_search(rowid, scope, summary, incident) values (${row('new')}); end`.execute(db);
      await sql`create trigger ticket_search_delete after delete on ticket begin
        delete from ticket_search where rowid = old.id; end`.execute(db);
      await sql`create trigger ticket_search_update after update of summary, incident, company_id, group_id on ticket begin
        delete from ticket_search where rowid = old.id;
        insert into ticket_search(rowid, scope, summary, incident) values (${row('new')}); end`.execute(db);
    }
  },
};
