import type { DialectMigration } from './types';

/** People and better-auth's tables, companies, groups, catalog, outbox. */
export const foundation: DialectMigration = {
  async up(db, d) {
    await db.schema
      .createTable('setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('person')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('email_verified', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('image', 'text')
      .addColumn('phone', 'text')
      .addColumn('cpf', 'text')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('pt-BR'))
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .addColumn('staff_role', 'text')
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('expires_at', d.timestamp, (c) => c.notNull())
      .addColumn('ip_address', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_person').on('session').column('person_id').execute();

    await db.schema
      .createTable('account')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('access_token', 'text')
      .addColumn('refresh_token', 'text')
      .addColumn('id_token', 'text')
      .addColumn('access_token_expires_at', d.timestamp)
      .addColumn('refresh_token_expires_at', d.timestamp)
      .addColumn('scope', 'text')
      .addColumn('password', 'text')
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('account_person').on('account').column('person_id').execute();

    await db.schema
      .createTable('verification')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expires_at', d.timestamp, (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('verification_identifier').on('verification').column('identifier').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', d.timestamp, (c) => c.notNull())
      .addColumn('blocked_until', d.timestamp)
      .execute();

    await d
      .addId(db.schema.createTable('company'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('cnpj', 'text', (c) => c.unique())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('membership')
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id').onDelete('cascade'))
      .addColumn('is_portal_admin', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('sees_all_tickets', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('may_request_consulting', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('membership_pk', ['person_id', 'company_id'])
      .execute();
    await db.schema.createIndex('membership_company').on('membership').columns(['company_id', 'person_id']).execute();

    await d
      .addId(db.schema.createTable('agent_group'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('group_member')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('agent_group.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('group_member_pk', ['group_id', 'person_id'])
      .execute();
    await db.schema.createIndex('group_member_person').on('group_member').column('person_id').execute();

    await d
      .addId(db.schema.createTable('channel'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    await d
      .addId(db.schema.createTable('service_line'))
      .addColumn('channel_id', 'integer', (c) => c.notNull().references('channel.id'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    for (const table of ['module', 'version', 'environment']) {
      await d
        .addId(db.schema.createTable(table))
        .addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
        .addUniqueConstraint(`${table}_line_name`, ['service_line_id', 'name'])
        .execute();
    }
    await d
      .addId(db.schema.createTable('routine'))
      .addColumn('module_id', 'integer', (c) => c.notNull().references('module.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .addUniqueConstraint('routine_module_name', ['module_id', 'name'])
      .execute();
    await d
      .addId(db.schema.createTable('effect'))
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .execute();
    await db.schema
      .createTable('entitlement')
      .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id').onDelete('cascade'))
      .addColumn('service_line_id', 'integer', (c) => c.notNull().references('service_line.id'))
      .addPrimaryKeyConstraint('entitlement_pk', ['company_id', 'service_line_id'])
      .execute();

    await d
      .addId(db.schema.createTable('outbox_mail'))
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', d.timestamp, (c) => c.notNull())
      .addColumn('locked_until', d.timestamp)
      .addColumn('last_error', 'text')
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('sent_at', d.timestamp)
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox_mail').columns(['status', 'next_attempt_at']).execute();
  },
};
