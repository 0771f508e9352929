import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isLanguage, translate, defaultLanguage, type Language } from '../../../contracts/i18n';
import type { Config } from '../../config';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { invalidFields } from '../../lib/errors';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';

/** Invitations live 72 hours (issue: a company admin creates a contact who sets a password). */
export const invitationSeconds = 72 * 60 * 60;

type LinkKind = 'reset' | 'invite';

/** Queues the mail with a link to the set-password page; the token travels only in the link. */
export async function sendPasswordLink(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  input: { personId: string; token: string; kind: LinkKind; companyName?: string },
): Promise<void> {
  const person = await db
    .selectFrom('person')
    .select(['name', 'email', 'language'])
    .where('id', '=', input.personId)
    .executeTakeFirstOrThrow();
  const language: Language = isLanguage(person.language) ? person.language : defaultLanguage;
  const section = input.kind === 'invite' ? 'mail.invitation' : 'mail.resetPassword';
  const t = (key: string) => translate(language, `${section}.${key}`, { company: input.companyName ?? '' });
  const url = `${config.publicUrl}/set-password?token=${encodeURIComponent(input.token)}`;
  const { html, text } = renderMail({
    language,
    recipientName: person.name,
    paragraphs: [t('body'), t('ignore')],
    action: { label: t('action'), url },
  });
  await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
}

/**
 * Invites a person to set their password: a single-use token of better-auth's reset kind,
 * valid 72 hours, so /api/password/set consumes it like any reset.
 */
export async function invite(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, companyName: string) {
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('verification')
    .values({
      id: randomUUID(),
      identifier: `reset-password:${token}`,
      value: personId,
      expires_at: new Date(Date.now() + invitationSeconds * 1000).toISOString(),
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  await sendPasswordLink(db, config, { personId, token, kind: 'invite', companyName });
}

/**
 * Invites again, in the caller's transaction, a person who has not set a password yet: the links
 * mailed before stop working. Someone who already has a password, or who is deactivated (a link
 * that works must not reach them: reactivate first), is a 400 on `invitation`.
 */
export async function reinvite(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, companyName: string) {
  const person = await db.selectFrom('person').select('active').where('id', '=', personId).executeTakeFirst();
  if (!person?.active) throw invalidFields({ invitation: 'validation.personInactive' });
  const account = await db.selectFrom('account').select('id').where('person_id', '=', personId).executeTakeFirst();
  if (account) throw invalidFields({ invitation: 'validation.alreadyActive' });
  await db.deleteFrom('verification').where('value', '=', personId).where('identifier', 'like', 'reset-password:%').execute();
  await invite(db, config, personId, companyName);
}

/** Asks the owner of a new address to confirm it; the change waits for that. */
export async function sendEmailConfirmation(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, newEmail: string) {
  const token = randomBytes(24).toString('base64url');
  await db.deleteFrom('verification').where('value', '=', personId).where('identifier', 'like', 'email-change:%').execute();
  await db
    .insertInto('verification')
    .values({
      id: randomUUID(),
      identifier: `email-change:${token}`,
      value: personId,
      expires_at: new Date(Date.now() + invitationSeconds * 1000).toISOString(),
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  const person = await db.selectFrom('person').select(['name', 'language']).where('id', '=', personId).executeTakeFirstOrThrow();
  const language: Language = isLanguage(person.language) ? person.language : defaultLanguage;
  const t = (key: string) => translate(language, `mail.emailChange.${key}`);
  const { html, text } = renderMail({
    language,
    recipientName: person.name,
    paragraphs: [t('body'), t('ignore')],
    action: { label: t('action'), url: `${config.publicUrl}/confirm-email?token=${encodeURIComponent(token)}` },
  });
  await enqueueMail(db, { to: newEmail, subject: t('subject'), html, text });
}
