import type { Kysely } from 'kysely';
import { isLanguage, translate, defaultLanguage, type Language } from '../../../contracts/i18n';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { invalidFields } from '../../lib/errors';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { findPersonByEmail, isActivePersonWithAccess } from '../people/people.repository';
import { issuePasswordToken } from './auth.tokens';

/** Invitations live 72 hours (issue: a company admin creates a contact who sets a password). */
export const invitationSeconds = 72 * 60 * 60;
/** Links asked for on "forgot password" live one hour. */
export const resetLinkSeconds = 60 * 60;

/** A reset asked for, an invitation, or the new password after an undone change of e-mail. */
type LinkKind = 'reset' | 'invite' | 'restore';
const sections: Record<LinkKind, string> = { reset: 'mail.resetPassword', invite: 'mail.invitation', restore: 'mail.emailRestored' };

async function recipient(db: Kysely<Database>, personId: string) {
  const person = await db.selectFrom('person').select(['name', 'email', 'language']).where('id', '=', personId).executeTakeFirstOrThrow();
  const language: Language = isLanguage(person.language) ? person.language : defaultLanguage;
  return { ...person, language };
}

/** Queues the mail with a link to the set-password page; the token travels only in the link. */
export async function sendPasswordLink(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  input: { personId: string; token: string; kind: LinkKind; companyName?: string },
): Promise<void> {
  const person = await recipient(db, input.personId);
  const t = (key: string) => translate(person.language, `${sections[input.kind]}.${key}`, { company: input.companyName ?? '' });
  const url = `${config.publicUrl}/set-password?token=${encodeURIComponent(input.token)}`;
  const { html, text } = renderMail({
    language: person.language,
    recipientName: person.name,
    paragraphs: [t('body'), t('ignore')],
    action: { label: t('action'), url },
  });
  await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
}

/** Mails a one-hour reset link to the owner of an address who may sign in; every earlier link stops working. */
export async function requestPasswordReset(db: Db, config: Pick<Config, 'publicUrl'>, email: string): Promise<void> {
  const person = await findPersonByEmail(db, email);
  // A stranger, or a deactivated person, gets nothing; the caller's answer is the same either way.
  if (!person || !(await isActivePersonWithAccess(db, person.id))) return;
  await db.transaction().execute(async (trx) => {
    const token = await issuePasswordToken(trx, person.id, resetLinkSeconds);
    await sendPasswordLink(trx, config, { personId: person.id, token, kind: 'reset' });
  });
}

/**
 * Invites a person to set their password: a single-use token of better-auth's reset kind,
 * valid 72 hours, so /api/password/set consumes it like any reset; earlier links stop working.
 */
export async function invite(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, companyName: string) {
  const token = await issuePasswordToken(db, personId, invitationSeconds);
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
  await invite(db, config, personId, companyName);
}

/** Tells a person that their password was changed: when, from which address, and what to do if it was not them. */
export async function sendPasswordChanged(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, ip: string): Promise<void> {
  const person = await recipient(db, personId);
  const time = new Intl.DateTimeFormat(person.language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date());
  const t = (key: string) => translate(person.language, `mail.passwordChanged.${key}`, { time, ip, forgot: `${config.publicUrl}/forgot-password`, help: `${config.publicUrl}/help` });
  const { html, text } = renderMail({ language: person.language, recipientName: person.name, paragraphs: [t('body'), t('notYou'), t('help')] });
  await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
}
