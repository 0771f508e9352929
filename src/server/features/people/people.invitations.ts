import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultLanguage, isLanguage, translate } from '../../../contracts/i18n';
import type { Config } from '../../config';
import { iso, now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { invitationSeconds } from '../auth/auth.mails';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';

/** What the inviting company typed: all it ever sees of the person until they accept. */
export type Typed = {
  name: string;
  email: string;
  phone: string | null;
  cpf: string | null;
  language: string;
  isPortalAdmin: boolean;
  seesAllTickets: boolean;
  mayRequestConsulting: boolean;
};

const later = () => new Date(Date.now() + invitationSeconds * 1000).toISOString();

/** Mails the invitation to the person, when they could accept it: an active customer, never staff. */
async function mailInvitation(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, personId: string, companyName: string, inviter: string) {
  const person = await db.selectFrom('person').select(['name', 'email', 'language', 'active', 'staff_role']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (!person.active || person.staff_role) return;
  const language = isLanguage(person.language) ? person.language : defaultLanguage;
  const t = (key: string) => translate(language, `mail.companyInvitation.${key}`, { company: companyName, inviter });
  const { html, text } = renderMail({ language, recipientName: person.name, paragraphs: [t('body'), t('note')], action: { label: t('action'), url: `${config.publicUrl}/invitations` } });
  await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
}

/**
 * Invites, in the caller's transaction, a person who already has an account to join a company:
 * they become a member only by accepting it signed in. Returns the invitation's id, which the
 * company sees as the contact's id.
 */
export async function inviteToCompany(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  input: { company: { id: number; name: string }; personId: string; typed: Typed; inviter: { id: string; name: string } },
): Promise<string> {
  const id = randomUUID();
  const { typed } = input;
  await db
    .insertInto('company_invitation')
    .values({
      id,
      company_id: input.company.id,
      person_id: input.personId,
      email: typed.email,
      name: typed.name,
      phone: typed.phone,
      cpf: typed.cpf,
      language: typed.language,
      is_portal_admin: typed.isPortalAdmin,
      sees_all_tickets: typed.seesAllTickets,
      may_request_consulting: typed.mayRequestConsulting,
      active: true,
      status: 'pending',
      invited_by: input.inviter.id,
      expires_at: later(),
      created_at: now(),
    })
    .execute();
  await mailInvitation(db, config, input.personId, input.company.name, input.inviter.name);
  return id;
}

/** A company's invitation not yet accepted, by the id the company knows it by. */
export function companyInvitation(db: Kysely<Database>, companyId: number, id: string) {
  return db.selectFrom('company_invitation').selectAll().where('company_id', '=', companyId).where('id', '=', id).where('status', '!=', 'accepted').executeTakeFirst();
}

/** Mails an invitation again, valid anew; a declined one waits for an answer again. */
export async function resendCompanyInvitation(db: Kysely<Database>, config: Pick<Config, 'publicUrl'>, invitation: { id: string; personId: string }, company: { name: string }, inviter: { name: string }) {
  await db.updateTable('company_invitation').set({ status: 'pending', expires_at: later() }).where('id', '=', invitation.id).execute();
  await mailInvitation(db, config, invitation.personId, company.name, inviter.name);
}

/** The signed-in person's invitations waiting for an answer; none for vendor staff, who are never a company's contact. */
export async function pendingInvitations(db: Db, actor: Actor) {
  if (actor.staffRole) return [];
  const rows = await db
    .selectFrom('company_invitation as invitation')
    .innerJoin('company', 'company.id', 'invitation.company_id')
    .leftJoin('person as inviter', 'inviter.id', 'invitation.invited_by')
    .select(['invitation.id', 'company.id as company_id', 'company.name as company_name', 'inviter.name as inviter_name', 'invitation.created_at'])
    .where('invitation.person_id', '=', actor.id)
    .where('invitation.status', '=', 'pending')
    .where('invitation.active', '=', true)
    .where('invitation.expires_at', '>', now())
    .where('company.active', '=', true)
    .orderBy('invitation.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, companyId: r.company_id, companyName: r.company_name, invitedBy: r.inviter_name, createdAt: iso(r.created_at) }));
}

/** The invitation to this person, if it still waits for their answer; the same 404 for anyone else's. */
const waiting = (db: Kysely<Database>, actor: Actor, id: string) =>
  db
    .updateTable('company_invitation')
    .where('id', '=', id)
    .where('person_id', '=', actor.id)
    .where('status', '=', 'pending')
    .where('active', '=', true)
    .where('expires_at', '>', now())
    .where((eb) => eb.exists(eb.selectFrom('company').select('company.id').whereRef('company.id', '=', 'company_invitation.company_id').where('company.active', '=', true)));

/**
 * The invited person accepts, signed in: they become a member of the company with the rights it
 * typed (their own details stay theirs). Vendor staff are never a company's contact.
 */
export async function acceptInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  if (actor.staffRole) throw notFound();
  await db.transaction().execute(async (trx) => {
    const invitation = await waiting(trx, actor, id)
      .set({ status: 'accepted' })
      .returning(['company_id', 'is_portal_admin', 'sees_all_tickets', 'may_request_consulting'])
      .executeTakeFirst();
    if (!invitation) throw notFound();
    const companyId = invitation.company_id;
    // Another invitation of the same company to the same person (typed with another address) is answered too.
    await trx.updateTable('company_invitation').set({ status: 'accepted' }).where('company_id', '=', companyId).where('person_id', '=', actor.id).where('status', '!=', 'accepted').execute();
    const member = await trx.selectFrom('membership').select('person_id').where('company_id', '=', companyId).where('person_id', '=', actor.id).executeTakeFirst();
    const rights = { is_portal_admin: Boolean(invitation.is_portal_admin), sees_all_tickets: Boolean(invitation.sees_all_tickets), may_request_consulting: Boolean(invitation.may_request_consulting) };
    if (!member) await trx.insertInto('membership').values({ person_id: actor.id, company_id: companyId, ...rights, active: true, created_at: now() }).execute();
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: 'contact.joined',
      targetType: 'person',
      targetId: actor.id,
      after: { email: actor.email, isPortalAdmin: rights.is_portal_admin, seesAllTickets: rights.sees_all_tickets, mayRequestConsulting: rights.may_request_consulting },
    });
  });
}

/** The invited person declines; the company goes on seeing a pending invitation, as for anyone who never answers. */
export async function declineInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const declined = await waiting(trx, actor, id).set({ status: 'declined' }).executeTakeFirst();
    if (Number(declined.numUpdatedRows) === 0) throw notFound();
  });
}
