import { sql } from 'kysely';
import type { DialectMigration } from './types';

/**
 * An attachment's row is written before its bytes and marked `uploaded_at` once they are all stored,
 * so a file never exists without a row that the clean-up finds (a crash mid-upload leaves a row).
 * Indexes for the person's daily upload quota, for the clean-up of uploads never attached, and for
 * the count of a person's recent openings.
 */
export const requestLimits: DialectMigration = {
  async up(db, d) {
    await db.schema.alterTable('attachment').addColumn('uploaded_at', d.timestamp).execute();
    await db.updateTable('attachment').set({ uploaded_at: sql.ref('created_at') }).execute();
    await db.schema.createIndex('attachment_uploader').on('attachment').columns(['uploader_id', 'created_at']).execute();
    await db.schema.createIndex('ticket_opened_by').on('ticket').columns(['opened_by_id', 'created_at']).execute();
    await db.schema.createIndex('attachment_unused').on('attachment').column('created_at').where(sql.ref('article_id'), 'is', null).execute();
  },
};
