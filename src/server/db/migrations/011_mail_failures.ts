import type { DialectMigration } from './types';

/**
 * When a mail was given up (a permanent refusal, or too many attempts), for the mail settings
 * page's list of failed mails, newest first.
 */
export const mailFailures: DialectMigration = {
  async up(db, d) {
    await db.schema.alterTable('outbox_mail').addColumn('failed_at', d.timestamp).execute();
    await db.schema.createIndex('outbox_failed').on('outbox_mail').columns(['status', 'failed_at']).execute();
  },
};
