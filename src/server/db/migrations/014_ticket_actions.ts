import { sql } from 'kysely';
import type { DialectMigration } from './types';

/** The reasons seeded on every installation; the system administrator edits them (`key` marks the ones Atende itself uses). */
const reasons = [
  { key: 'duplicate', names: { 'pt-BR': 'Duplicado', en: 'Duplicate', es: 'Duplicado' }, notify: true },
  { key: 'spam', names: { 'pt-BR': 'Spam', en: 'Spam', es: 'Spam' }, notify: false },
  { key: null, names: { 'pt-BR': 'Resolvido por telefone', en: 'Solved by phone', es: 'Resuelto por teléfono' }, notify: true },
  { key: 'no_response', names: { 'pt-BR': 'Sem retorno do cliente', en: 'No response from the customer', es: 'Sin respuesta del cliente' }, notify: true },
  { key: null, names: { 'pt-BR': 'Solicitação cancelada pelo cliente', en: 'Cancelled by the customer', es: 'Cancelado por el cliente' }, notify: true },
];

/**
 * Closing with a reason, the reminder and closing of tickets left waiting for the customer,
 * merging and linking tickets (related, problem → incidents).
 */
export const ticketActions: DialectMigration = {
  async up(db, d) {
    await d
      .addId(db.schema.createTable('close_reason'))
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('notify_customer', d.bool, (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db
      .insertInto('close_reason')
      .values(reasons.map((r, i) => ({ key: r.key, names: JSON.stringify(r.names), notify_customer: r.notify, active: true, position: i * 10 })))
      .execute();

    await db.schema.alterTable('ticket').addColumn('close_reason_id', 'integer', (c) => c.references('close_reason.id')).execute();
    await db.schema.alterTable('ticket').addColumn('merged_into_id', 'integer', (c) => c.references('ticket.id')).execute();
    // Since when the ticket waits for the customer (set with the status), and when they were reminded.
    await db.schema.alterTable('ticket').addColumn('waiting_since', d.timestamp).execute();
    await db.schema.alterTable('ticket').addColumn('reminded_at', d.timestamp).execute();
    await db.updateTable('ticket').set({ waiting_since: sql.ref('updated_at') }).where('status', '=', 'waiting_customer').execute();
    await db.schema
      .createIndex('ticket_waiting_since')
      .on('ticket')
      .column('waiting_since')
      .where(sql<boolean>`status = 'waiting_customer'`)
      .execute();

    await d
      .addId(db.schema.createTable('ticket_link'))
      // related: from_id < to_id (one row per pair); incident: from_id is the problem, to_id the incident.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('to_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_link_pair').on('ticket_link').columns(['from_id', 'to_id', 'kind']).unique().execute();
    await db.schema.createIndex('ticket_link_to').on('ticket_link').columns(['to_id', 'from_id']).execute();
    // An incident belongs to one problem at most.
    await db.schema.createIndex('ticket_link_one_problem').on('ticket_link').column('to_id').unique().where(sql<boolean>`kind = 'incident'`).execute();
  },
};
