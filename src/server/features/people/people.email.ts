import type { Kysely } from 'kysely';
import { defaultLanguage, isLanguage, translate } from '../../../contracts/i18n';
import type { Config } from '../../config';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, invalidFields } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { invitationSeconds, sendPasswordLink } from '../auth/auth.mails';
import { hashToken, issuePasswordToken, newToken, voidPasswordTokens } from '../auth/auth.tokens';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { endSessions } from './people.service';

/** How long the old address may undo a change: 7 days from the request, also after the confirmation. */
const undoSeconds = 7 * 24 * 60 * 60;
const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const invalidToken = () => new AppError('invalid_token', 'reset.invalidToken');

/**
 * The person an address belongs to: its current owner, or the person who left it in a change that
 * they may still undo (it is kept for them, so that the undo can give it back).
 */
export async function addressOwner(db: Kysely<Database>, email: string) {
  const person = await db.selectFrom('person').select(['id', 'staff_role', 'active']).where('email', '=', email).executeTakeFirst();
  if (person) return person;
  return db
    .selectFrom('email_change')
    .innerJoin('person', 'person.id', 'email_change.person_id')
    .select(['person.id', 'person.staff_role', 'person.active'])
    .where('email_change.old_email', '=', email)
    .where('email_change.status', '=', 'confirmed')
    .where('email_change.undo_token', 'is not', null)
    .where('email_change.undo_expires_at', '>', now())
    .executeTakeFirst();
}

/** A mail with one link: the notice to the old address (undo) or the request to the new one (confirm). */
async function mailLink(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  mail: { to: string; person: { name: string; language: string }; section: 'emailChangeNotice' | 'emailChange'; params: Record<string, string>; path: string; token: string },
) {
  const language = isLanguage(mail.person.language) ? mail.person.language : defaultLanguage;
  const t = (key: string) => translate(language, `mail.${mail.section}.${key}`, mail.params);
  const url = `${config.publicUrl}/${mail.path}?token=${encodeURIComponent(mail.token)}`;
  const paragraphs = mail.section === 'emailChangeNotice' ? [t('body'), t('undo')] : [t('body'), t('ignore')];
  const { html, text } = renderMail({ language, recipientName: mail.person.name, paragraphs, action: { label: t('action'), url } });
  await enqueueMail(db, { to: mail.to, subject: t('subject'), html, text });
}

/** Cancels a person's pending change, voiding its links; true when there was one. */
async function cancelPending(db: Kysely<Database>, personId: string): Promise<boolean> {
  const cancelled = await db
    .updateTable('email_change')
    .set({ status: 'cancelled', confirm_token: null, undo_token: null })
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(cancelled.numUpdatedRows) > 0;
}

export type EmailChangeRequest = {
  personId: string;
  newEmail: string;
  requester: { id: string; name: string };
  /** The company whose log records it; none for staff. */
  companyId?: number;
  /** Say so when the address is someone else's (system administrators see everyone anyway). */
  refuseTaken?: boolean;
};

/**
 * Asks, in the caller's transaction, to change a person's e-mail. The old address is told at once,
 * with a link that undoes the change for 7 days; the new one gets a link to confirm it (72 hours),
 * and only that confirmation changes the address. Asking for the current address cancels a
 * pending change. An address that is someone else's gets no mail, so the change never confirms,
 * and a portal administrator cannot tell it from an address nobody reads.
 */
export async function requestEmailChange(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, input: EmailChangeRequest): Promise<void> {
  const person = await db.selectFrom('person').select(['id', 'name', 'email', 'language', 'pending_email']).where('id', '=', input.personId).executeTakeFirstOrThrow();
  const owner = input.newEmail === person.email ? undefined : await addressOwner(db, input.newEmail);
  const taken = owner !== undefined && owner.id !== person.id;
  if (taken && input.refuseTaken) throw invalidFields({ email: 'validation.emailTaken' });
  if (input.newEmail === person.pending_email) return;
  const hadPending = await cancelPending(db, person.id);
  const entry = { actorId: input.requester.id, companyId: input.companyId ?? null, targetType: 'person', targetId: person.id };
  if (input.newEmail === person.email) {
    if (!hadPending) return;
    await db.updateTable('person').set({ pending_email: null, updated_at: now() }).where('id', '=', person.id).execute();
    await audit(db, { ...entry, action: 'email.change_cancelled', before: { pendingEmail: person.pending_email } });
    return;
  }
  const confirm = newToken();
  const undo = newToken();
  await db
    .insertInto('email_change')
    .values({
      person_id: person.id,
      company_id: input.companyId ?? null,
      old_email: person.email,
      new_email: input.newEmail,
      requested_by: input.requester.id,
      status: 'pending',
      confirm_token: hashToken(`email-change:${confirm}`),
      confirm_expires_at: later(invitationSeconds),
      undo_token: hashToken(`email-undo:${undo}`),
      undo_expires_at: later(undoSeconds),
      created_at: now(),
      confirmed_at: null,
    })
    .execute();
  await db.updateTable('person').set({ pending_email: input.newEmail, updated_at: now() }).where('id', '=', person.id).execute();
  const params = { actor: input.requester.name, old: person.email, new: input.newEmail };
  await mailLink(db, config, { to: person.email, person, section: 'emailChangeNotice', params, path: 'undo-email', token: undo });
  if (!taken) await mailLink(db, config, { to: input.newEmail, person, section: 'emailChange', params, path: 'confirm-email', token: confirm });
  await audit(db, { ...entry, action: 'email.change_requested', before: { email: person.email }, after: { email: input.newEmail } });
}

/**
 * The new address confirms: it becomes the person's e-mail, and every session of the person
 * ends, as do the password links mailed before. One confirmation of a link wins.
 */
export async function confirmEmailChange(db: Db, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await trx
      .updateTable('email_change')
      .set({ status: 'confirmed', confirm_token: null, confirmed_at: now() })
      .where('confirm_token', '=', hashToken(`email-change:${token}`))
      .where('status', '=', 'pending')
      .where('confirm_expires_at', '>', now())
      .returning(['person_id', 'old_email', 'new_email', 'company_id'])
      .executeTakeFirst();
    if (!change) throw invalidToken();
    const owner = await addressOwner(trx, change.new_email);
    if (owner && owner.id !== change.person_id) throw invalidToken();
    const moved = await trx
      .updateTable('person')
      .set({ email: change.new_email, pending_email: null, updated_at: now() })
      .where('id', '=', change.person_id)
      .where('email', '=', change.old_email)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw invalidToken();
    await endSessions(trx, change.person_id);
    await voidPasswordTokens(trx, change.person_id);
    await audit(trx, {
      actorId: change.person_id,
      companyId: change.company_id,
      action: 'email.confirmed',
      targetType: 'person',
      targetId: change.person_id,
      before: { email: change.old_email },
      after: { email: change.new_email },
    });
  });
}

/**
 * The old address undoes a change. Before the confirmation it cancels the change; after it, it
 * gives the old address back. Either way every session of the person ends, and every change asked
 * after this one is void (an earlier change keeps its own undo: a later one cannot take it away).
 * A password set after the confirmation was set by whoever held the new address: it is removed,
 * and the restored address gets a link to set a new one.
 */
export async function undoEmailChange(db: Db, config: Pick<Config, 'publicUrl'>, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await trx
      .updateTable('email_change')
      .set({ status: 'undone', confirm_token: null, undo_token: null })
      .where('undo_token', '=', hashToken(`email-undo:${token}`))
      .where('status', 'in', ['pending', 'confirmed'])
      .where('undo_expires_at', '>', now())
      .returning(['id', 'person_id', 'old_email', 'new_email', 'company_id', 'confirmed_at'])
      .executeTakeFirst();
    if (!change) throw invalidToken();
    const personId = change.person_id;
    const newer = trx.updateTable('email_change').where('person_id', '=', personId).where('id', '>', change.id);
    await newer.set({ status: 'cancelled', confirm_token: null, undo_token: null }).where('status', '=', 'pending').execute();
    await newer.set({ undo_token: null }).where('status', '=', 'confirmed').execute();
    const person = await trx.selectFrom('person').select('email').where('id', '=', personId).executeTakeFirstOrThrow();
    await trx.updateTable('person').set({ email: change.confirmed_at ? change.old_email : person.email, pending_email: null, updated_at: now() }).where('id', '=', personId).execute();
    await endSessions(trx, personId);
    if (change.confirmed_at) {
      const reset = await trx.deleteFrom('account').where('person_id', '=', personId).where('provider_id', '=', 'credential').where('updated_at', '>', change.confirmed_at).executeTakeFirst();
      await voidPasswordTokens(trx, personId);
      if (Number(reset.numDeletedRows) > 0) {
        const link = await issuePasswordToken(trx, personId, invitationSeconds);
        await sendPasswordLink(trx, config, { personId, token: link, kind: 'restore' });
      }
    }
    await audit(trx, {
      actorId: personId,
      companyId: change.company_id,
      action: 'email.undone',
      targetType: 'person',
      targetId: personId,
      before: { email: person.email },
      after: { email: change.confirmed_at ? change.old_email : person.email },
    });
  });
}
