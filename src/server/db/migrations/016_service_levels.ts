import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * Service levels (issue 16): calendars (time zone, weekly hours, holidays), ordered policies with
 * targets per criticality, a setup version that every administrative edit bumps (open clocks of
 * an older version are recomputed in the background), the clocks of each ticket (one row per
 * target and cycle) and the pauses, and the ticket's earliest running due time and breach for the
 * lists' sorts. The jobs find work through partial indexes of the rows that still need it.
 */
export const serviceLevels: DialectMigration = {
  async up(db, d) {
    await d
      .addId(db.schema.createTable('sla_calendar'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('America/Sao_Paulo'))
      .addColumn('hours', 'text', (c) => c.notNull())
      // null: no public holidays (e.g. a 24×7 calendar).
      .addColumn('holiday_country', 'text', (c) => c.defaultTo('BR'))
      .addColumn('holiday_state', 'text')
      .addColumn('holiday_city', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await d
      .addId(db.schema.createTable('sla_calendar_holiday'))
      .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sla_calendar.id').onDelete('cascade'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
      .addUniqueConstraint('sla_calendar_holiday_date', ['calendar_id', 'date'])
      .execute();

    await d
      .addId(db.schema.createTable('sla_policy'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull().defaultTo(true))
      .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sla_calendar.id'))
      .addColumn('match', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('targets', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('pause_on_hold', d.bool, (c) => c.notNull().defaultTo(false))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('updated_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sla_policy_position').on('sla_policy').columns(['position', 'id']).execute();

    await db.schema
      .createTable('sla_setup')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      // The open tickets without clocks are walked once per version (by id, after `backfill_after`).
      .addColumn('backfill_version', 'integer', (c) => c.notNull())
      .addColumn('backfill_after', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.insertInto('sla_setup').values({ id: 1, version: 1, backfill_version: 1 }).execute();

    await db.schema.alterTable('company').addColumn('support_tier', 'text').execute();
    await db.schema
      .createTable('group_escalation_contact')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('agent_group.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('group_escalation_contact_pk', ['group_id', 'person_id'])
      .execute();

    await db.schema
      .createTable('ticket_sla')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('policy_id', 'integer', (c) => c.references('sla_policy.id').onDelete('set null'))
      .addColumn('setup_version', 'integer', (c) => c.notNull())
      .addColumn('target_minutes', 'integer', (c) => c.notNull())
      .addColumn('started_at', d.timestamp, (c) => c.notNull())
      .addColumn('due_at', d.timestamp, (c) => c.notNull())
      // When 75 % of the target has run: the warning's time.
      .addColumn('warn_at', d.timestamp, (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('met_at', d.timestamp)
      .addColumn('breached_at', d.timestamp)
      .addColumn('paused_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warned_at', d.timestamp)
      .addColumn('breach_notified_at', d.timestamp)
      .addPrimaryKeyConstraint('ticket_sla_pk', ['ticket_id', 'target', 'cycle'])
      .execute();
    const running = sql<boolean>`state = 'running'`;
    await db.schema.createIndex('ticket_sla_due').on('ticket_sla').column('due_at').where(running).execute();
    await db.schema
      .createIndex('ticket_sla_warn')
      .on('ticket_sla')
      .column('warn_at')
      .where(sql<boolean>`state = 'running' and warned_at is null`)
      .execute();
    await db.schema
      .createIndex('ticket_sla_breach_notify')
      .on('ticket_sla')
      .column('breached_at')
      .where(sql<boolean>`state = 'breached' and breach_notified_at is null`)
      .execute();
    // Clocks of an older setup version, recomputed in batches after an edit.
    await db.schema
      .createIndex('ticket_sla_setup')
      .on('ticket_sla')
      .columns(['setup_version', 'ticket_id'])
      .where(sql<boolean>`state in ('running', 'paused')`)
      .execute();

    await d
      .addId(db.schema.createTable('ticket_sla_pause'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
      .addColumn('started_at', d.timestamp, (c) => c.notNull())
      .addColumn('ended_at', d.timestamp)
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_sla_pause_ticket').on('ticket_sla_pause').columns(['ticket_id', 'started_at']).execute();

    await db.schema.alterTable('ticket').addColumn('sla_due_at', d.timestamp).execute();
    await db.schema.alterTable('ticket').addColumn('sla_breached_at', d.timestamp).execute();
    // When the earliest running clock reaches 75 % of its target: the lists' countdown turns amber then.
    await db.schema.alterTable('ticket').addColumn('sla_warn_at', d.timestamp).execute();
    // The lists' "by due time" sort over open tickets, overall and per assignee; "Violados" by breach.
    const openDue = sql<boolean>`status <> 'closed' and sla_due_at is not null`;
    await db.schema.createIndex('ticket_open_sla_due').on('ticket').columns(['sla_due_at', 'id']).where(openDue).execute();
    await db.schema.createIndex('ticket_open_assignee_sla_due').on('ticket').columns(['assignee_id', 'sla_due_at', 'id']).where(openDue).execute();
    await db.schema
      .createIndex('ticket_open_sla_breached')
      .on('ticket')
      .columns(['sla_breached_at', 'id'])
      .where(sql<boolean>`status <> 'closed' and sla_breached_at is not null`)
      .execute();
  },
};
