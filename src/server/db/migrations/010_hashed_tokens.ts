import { createHash } from 'node:crypto';
import type { DialectMigration } from './types';

/** SHA-256 in base64url, as auth.tokens.ts and better-auth's `storeIdentifier: 'hashed'` keep tokens. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Tokens are kept hashed from now on (issue 14): the session tokens and the reset, invitation and
 * setup identifiers stored in plain text are hashed in place, so sessions and mailed links go on
 * working. Pending e-mail changes are voided instead: their old address was never told, and the
 * change now needs that (the administrator asks again). Adds e-mail changes with their undo, and
 * companies' invitations of people who already have an account.
 */
export const hashedTokens: DialectMigration = {
  async up(db, d) {
    const sessions: { id: string; token: string }[] = await db.selectFrom('session').select(['id', 'token']).execute();
    for (const s of sessions) await db.updateTable('session').set({ token: sha256(s.token) }).where('id', '=', s.id).execute();
    const tokens: { id: string; identifier: string }[] = await db.selectFrom('verification').select(['id', 'identifier']).execute();
    for (const v of tokens) {
      if (v.identifier.startsWith('email-change:')) await db.deleteFrom('verification').where('id', '=', v.id).execute();
      else await db.updateTable('verification').set({ identifier: sha256(v.identifier) }).where('id', '=', v.id).execute();
    }
    await db.updateTable('person').set({ pending_email: null }).where('pending_email', 'is not', null).execute();

    await d
      .addId(db.schema.createTable('email_change'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('company_id', 'integer', (c) => c.references('company.id'))
      .addColumn('old_email', 'text', (c) => c.notNull())
      .addColumn('new_email', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.references('person.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('confirm_token', 'text')
      .addColumn('confirm_expires_at', d.timestamp, (c) => c.notNull())
      .addColumn('undo_token', 'text')
      .addColumn('undo_expires_at', d.timestamp, (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .addColumn('confirmed_at', d.timestamp)
      .execute();
    await db.schema.createIndex('email_change_person').on('email_change').columns(['person_id', 'id']).execute();
    await db.schema.createIndex('email_change_confirm').on('email_change').column('confirm_token').execute();
    await db.schema.createIndex('email_change_undo').on('email_change').column('undo_token').execute();
    await db.schema.createIndex('email_change_old').on('email_change').column('old_email').execute();

    await db.schema
      .createTable('company_invitation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('cpf', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('is_portal_admin', d.bool, (c) => c.notNull())
      .addColumn('sees_all_tickets', d.bool, (c) => c.notNull())
      .addColumn('may_request_consulting', d.bool, (c) => c.notNull())
      .addColumn('active', d.bool, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.references('person.id'))
      .addColumn('expires_at', d.timestamp, (c) => c.notNull())
      .addColumn('created_at', d.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('company_invitation_address').on('company_invitation').columns(['company_id', 'email']).execute();
    await db.schema.createIndex('company_invitation_person').on('company_invitation').columns(['person_id', 'status']).execute();
  },
};
