import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { contactInput, contactUpdate } from '../../../contracts/people';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { AppContext } from '../../context';
import { foreignObject, invalidFields, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { isLanguage } from '../../../contracts/i18n';
import { invite, reinvite } from '../auth/auth.mails';
import { audit } from '../audit/audit.service';
import { addressOwner, requestEmailChange } from './people.email';
import { companyInvitation, inviteToCompany, resendCompanyInvitation, type Typed } from './people.invitations';
import { inCompanyOutside, isActivePersonWithAccess } from './people.repository';
import { createPerson, endSessions } from './people.service';

type Permissions = { isPortalAdmin: boolean; seesAllTickets: boolean; mayRequestConsulting: boolean };

/**
 * The company an actor administers: a system administrator any company, a portal
 * administrator their own. Anything else is the same 404 as a company that does not exist.
 */
export async function administeredCompany(db: Db, actor: Actor, companyId: number) {
  const allowed = actor.staffRole === 'admin' || actor.memberships.some((m) => m.companyId === companyId && m.isPortalAdmin);
  const company = await db.selectFrom('company').select(['id', 'name', 'active']).where('id', '=', companyId).executeTakeFirst();
  if (!company) throw notFound();
  if (!allowed) throw foreignObject();
  return company;
}

/** The companies an actor administers; null for a system administrator, who administers them all. */
export function administeredBy(actor: Actor): number[] | null {
  return actor.staffRole === 'admin' ? null : actor.memberships.filter((m) => m.isPortalAdmin).map((m) => m.companyId);
}

/**
 * Whether a person also belongs to a company the actor does not administer. Such a person's own
 * details (name, e-mail, phone, CPF) are not the actor's to change: an administrator who could
 * change the e-mail of another company's contact could take over their account.
 */
async function sharedElsewhere(db: Db, actor: Actor, personId: string): Promise<boolean> {
  const administered = administeredBy(actor);
  if (!administered) return false;
  const person = await db.selectFrom('person').select((eb) => inCompanyOutside(eb, administered).as('shared')).where('person.id', '=', personId).executeTakeFirst();
  return Boolean(person?.shared);
}

/** Rights one may give: never more than one holds (a system administrator holds them all). */
export function grantableBy(actor: Actor, companyId: number): Permissions {
  if (actor.staffRole === 'admin') return { isPortalAdmin: true, seesAllTickets: true, mayRequestConsulting: true };
  const own = actor.memberships.find((m) => m.companyId === companyId);
  return { isPortalAdmin: Boolean(own?.isPortalAdmin), seesAllTickets: Boolean(own?.seesAllTickets), mayRequestConsulting: Boolean(own?.mayRequestConsulting) };
}

function ungrantable(actor: Actor, companyId: number, wanted: Partial<Permissions>, current?: Permissions) {
  const grantable = grantableBy(actor, companyId);
  const fields: Record<string, string> = {};
  for (const key of ['isPortalAdmin', 'seesAllTickets', 'mayRequestConsulting'] as const) {
    // Only turning a right on needs holding it; a held right can always be taken away.
    if (wanted[key] && !current?.[key] && !grantable[key]) fields[key] = 'validation.cannotGrant';
  }
  return fields;
}

/** A company's active portal administrators: its members, and the administrators it invited (counted as a new one is). */
async function activeAdmins(db: Kysely<Database>, companyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.person_id as id')
    .where('membership.company_id', '=', companyId)
    .where('membership.is_portal_admin', '=', true)
    .where('membership.active', '=', true)
    .where('person.active', '=', true)
    .unionAll(
      db
        .selectFrom('company_invitation')
        .select('company_invitation.id')
        .where('company_invitation.company_id', '=', companyId)
        .where('company_invitation.is_portal_admin', '=', true)
        .where('company_invitation.active', '=', true)
        .where('company_invitation.status', '!=', 'accepted'),
    )
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A contact as the company's list shows it: a member, or an invitation of a person who already had
 * an account (`invited`), which the company sees and edits exactly as a new contact.
 */
async function contactOf(db: Kysely<Database>, companyId: number, id: string) {
  const invitation = await companyInvitation(db, companyId, id);
  if (invitation) {
    const { name, email, phone, cpf, active } = invitation;
    return { kind: 'invited' as const, invitee: invitation.person_id, name, email, pending_email: null, phone, cpf, active, has_password: false, ...rightsOf(invitation) };
  }
  const row = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select((eb) => [
      'person.name',
      'person.email',
      'person.pending_email',
      'person.phone',
      'person.cpf',
      'membership.active',
      'membership.is_portal_admin',
      'membership.sees_all_tickets',
      'membership.may_request_consulting',
      eb.exists(eb.selectFrom('account').select('account.id').whereRef('account.person_id', '=', 'person.id')).as('has_password'),
    ])
    .where('membership.company_id', '=', companyId)
    .where('membership.person_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { kind: 'member' as const, ...row, ...rightsOf(row) };
}

function rightsOf(row: { is_portal_admin: unknown; sees_all_tickets: unknown; may_request_consulting: unknown }): { permissions: Permissions } {
  return { permissions: { isPortalAdmin: Boolean(row.is_portal_admin), seesAllTickets: Boolean(row.sees_all_tickets), mayRequestConsulting: Boolean(row.may_request_consulting) } };
}

/** Whether the address is already in the company's list: a member's, or one it invited. */
async function inCompanyList(db: Kysely<Database>, companyId: number, email: string, personId: string | undefined): Promise<boolean> {
  const invited = await db.selectFrom('company_invitation').select('id').where('company_id', '=', companyId).where('email', '=', email).where('status', '!=', 'accepted').executeTakeFirst();
  if (invited) return true;
  if (!personId) return false;
  return Boolean(await db.selectFrom('membership').select('person_id').where('company_id', '=', companyId).where('person_id', '=', personId).executeTakeFirst());
}

/**
 * Adds a contact to the company. A new address becomes a person, invited by mail (72 h) to set a
 * password. An address that already has an account, whoever's — another company's contact, even
 * the vendor's staff — gets an invitation to join instead (people.invitations.ts), which only its
 * owner, signed in, can accept. The answer, and the list afterwards, are the same in both cases:
 * the company learns nothing about who else uses the portal.
 */
export async function createContact(ctx: AppContext, actor: Actor, companyId: number, input: z.infer<typeof contactInput>): Promise<string> {
  const { db, config } = ctx;
  const company = await administeredCompany(db, actor, companyId);
  const fields = ungrantable(actor, companyId, input);
  if (Object.keys(fields).length) throw invalidFields(fields);
  const owner = await addressOwner(db, input.email);
  // A system administrator sees the vendor's staff anyway, and would wait for no acceptance.
  if (owner?.staff_role && actor.staffRole === 'admin') throw invalidFields({ email: 'validation.emailTaken' });
  if (await inCompanyList(db, companyId, input.email, owner?.id)) throw invalidFields({ email: 'validation.alreadyMember' });
  const typed: Typed = {
    name: input.name,
    email: input.email,
    phone: input.phone || null,
    cpf: input.cpf || null,
    language: input.language,
    isPortalAdmin: input.isPortalAdmin,
    seesAllTickets: input.seesAllTickets,
    mayRequestConsulting: input.mayRequestConsulting,
  };
  return db.transaction().execute(async (trx) => {
    const id = owner ? await inviteToCompany(trx, config, { company, personId: owner.id, typed, inviter: actor }) : await addNewPerson(trx, config, company, typed);
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: 'contact.created',
      targetType: 'person',
      targetId: id,
      after: { name: input.name, email: input.email, isPortalAdmin: input.isPortalAdmin, seesAllTickets: input.seesAllTickets, mayRequestConsulting: input.mayRequestConsulting },
    });
    return id;
  });
}

/** A new person, member of the company, invited to set a password; returns their id. */
export async function addNewPerson(db: Kysely<Database>, config: AppContext['config'], company: { id: number; name: string }, typed: Typed): Promise<string> {
  const personId = await createPerson(db, { name: typed.name, email: typed.email, phone: typed.phone, cpf: typed.cpf, language: isLanguage(typed.language) ? typed.language : undefined });
  await db
    .insertInto('membership')
    .values({
      person_id: personId,
      company_id: company.id,
      is_portal_admin: typed.isPortalAdmin,
      sees_all_tickets: typed.seesAllTickets,
      may_request_consulting: typed.mayRequestConsulting,
      active: true,
      created_at: now(),
    })
    .execute();
  await invite(db, config, personId, company.name);
  return personId;
}

/** Mails a new invitation to a contact who has not set a password (or joined) yet. */
export async function resendInvitation(ctx: AppContext, actor: Actor, companyId: number, personId: string) {
  const company = await administeredCompany(ctx.db, actor, companyId);
  const contact = await contactOf(ctx.db, companyId, personId);
  // Someone removed from the company is invited by it no more.
  if (!contact.active) throw invalidFields({ invitation: 'validation.personInactive' });
  await ctx.db.transaction().execute(async (trx) => {
    if (contact.kind === 'invited') await resendCompanyInvitation(trx, ctx.config, { id: personId, personId: contact.invitee }, company, actor);
    else await reinvite(trx, ctx.config, personId, company.name);
    await audit(trx, { actorId: actor.id, companyId, action: 'contact.invited', targetType: 'person', targetId: personId, after: { email: contact.email } });
  });
}

/**
 * Edits a contact. A new e-mail waits for its owner's confirmation and is told to the old address,
 * which can undo it (people.email.ts); sending the current one back cancels a pending change. The
 * e-mail of someone who has not accepted their invitation is not changed: the link mailed to them
 * would follow the change. Never leaves the company without an administrator.
 */
export async function updateContact(ctx: AppContext, actor: Actor, companyId: number, personId: string, input: z.infer<typeof contactUpdate>) {
  const { db, config } = ctx;
  await administeredCompany(db, actor, companyId);
  const current = await contactOf(db, companyId, personId);
  const fields: Record<string, string> = ungrantable(actor, companyId, input, current.permissions);
  if (input.isPortalAdmin === false && current.permissions.isPortalAdmin && current.active) {
    const admins = await activeAdmins(db, companyId);
    if (admins.length <= 1) fields.isPortalAdmin = 'validation.lastAdmin';
  }
  const emailChange = input.email !== undefined && (input.email !== current.email || current.pending_email !== null);
  const shared = current.kind === 'member' && (await sharedElsewhere(db, actor, personId));
  // Refused whenever sent, changed or not: a 200 for a matching value would confirm a hidden CPF or phone.
  const ownDetails = (['name', 'email', 'phone', 'cpf'] as const).filter((field) => input[field] !== undefined);
  if (shared && ownDetails.length) {
    for (const field of ownDetails) fields[field] = 'validation.managedElsewhere';
  } else if (emailChange && !current.has_password) {
    fields.email = 'validation.invitationPendingEmail';
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
  await db.transaction().execute(async (trx) => {
    const details = { name: input.name, phone: input.phone, cpf: input.cpf };
    const rights = { is_portal_admin: input.isPortalAdmin, sees_all_tickets: input.seesAllTickets, may_request_consulting: input.mayRequestConsulting };
    if (current.kind === 'invited') {
      if ([...Object.values(details), ...Object.values(rights)].some((v) => v !== undefined)) {
        await trx.updateTable('company_invitation').set({ ...details, ...rights }).where('id', '=', personId).execute();
      }
    } else {
      if (Object.values(details).some((v) => v !== undefined)) await trx.updateTable('person').set({ ...details, updated_at: now() }).where('id', '=', personId).execute();
      if (Object.values(rights).some((v) => v !== undefined)) {
        await trx.updateTable('membership').set(rights).where('company_id', '=', companyId).where('person_id', '=', personId).execute();
      }
      if (emailChange) {
        await requestEmailChange(trx, config, { personId, newEmail: input.email!, requester: actor, companyId, refuseTaken: actor.staffRole === 'admin' });
      }
    }
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: 'contact.updated',
      targetType: 'person',
      targetId: personId,
      // The company's log never shows another company's contact's phone or CPF.
      before: { name: current.name, email: current.email, ...(shared ? {} : { phone: current.phone, cpf: current.cpf }), ...current.permissions },
      after: input,
    });
  });
}

/** Deactivates a contact in this company at once (an invitation can then no longer be accepted); everything they wrote stays. */
export async function setContactActive(ctx: AppContext, actor: Actor, companyId: number, personId: string, active: boolean) {
  const { db } = ctx;
  await administeredCompany(db, actor, companyId);
  const current = await contactOf(db, companyId, personId);
  if (!active && current.permissions.isPortalAdmin && current.active) {
    const admins = await activeAdmins(db, companyId);
    if (admins.length <= 1) throw invalidFields({ active: 'validation.lastAdmin' });
  }
  await db.transaction().execute(async (trx) => {
    if (current.kind === 'invited') {
      await trx.updateTable('company_invitation').set({ active }).where('id', '=', personId).execute();
    } else {
      await trx.updateTable('membership').set({ active }).where('company_id', '=', companyId).where('person_id', '=', personId).execute();
      // A session reads the memberships on every request, so it loses this company at once; it
      // ends only when nothing is left to sign in to (not another company's contact's sessions).
      if (!active && !(await isActivePersonWithAccess(trx, personId))) await endSessions(trx, personId);
    }
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: active ? 'contact.reactivated' : 'contact.deactivated',
      targetType: 'person',
      targetId: personId,
      before: { name: current.name, email: current.email, active: Boolean(current.active) },
      after: { name: current.name, email: current.email, active },
    });
  });
}
