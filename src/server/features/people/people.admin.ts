import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { contactInput, contactUpdate } from '../../../contracts/people';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { AppContext } from '../../context';
import { foreignObject, invalidFields, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { invite, reinvite, sendEmailConfirmation } from '../auth/auth.mails';
import { audit } from '../audit/audit.service';
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

async function activeAdmins(db: Kysely<Database>, companyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.person_id')
    .where('membership.company_id', '=', companyId)
    .where('membership.is_portal_admin', '=', true)
    .where('membership.active', '=', true)
    .where('person.active', '=', true)
    .execute();
  return rows.map((r) => r.person_id);
}

async function membershipOf(db: Kysely<Database>, companyId: number, personId: string) {
  const row = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.name', 'person.email', 'person.phone', 'person.cpf', 'membership.active', 'membership.is_portal_admin', 'membership.sees_all_tickets', 'membership.may_request_consulting'])
    .where('membership.company_id', '=', companyId)
    .where('membership.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return {
    ...row,
    permissions: { isPortalAdmin: Boolean(row.is_portal_admin), seesAllTickets: Boolean(row.sees_all_tickets), mayRequestConsulting: Boolean(row.may_request_consulting) },
  };
}

/**
 * Creates a contact of the company and mails an invitation (72 h) to set a password. A person
 * who already has an account elsewhere joins this company instead (a group of companies).
 */
export async function createContact(ctx: AppContext, actor: Actor, companyId: number, input: z.infer<typeof contactInput>): Promise<string> {
  const { db, config } = ctx;
  const company = await administeredCompany(db, actor, companyId);
  const fields = ungrantable(actor, companyId, input);
  if (Object.keys(fields).length) throw invalidFields(fields);
  const existing = await db.selectFrom('person').select(['id', 'staff_role']).where('email', '=', input.email).executeTakeFirst();
  if (existing?.staff_role) throw invalidFields({ email: 'validation.emailTaken' });
  if (existing) {
    const member = await db.selectFrom('membership').select('person_id').where('company_id', '=', companyId).where('person_id', '=', existing.id).executeTakeFirst();
    if (member) throw invalidFields({ email: 'validation.alreadyMember' });
  }
  return db.transaction().execute(async (trx) => {
    const personId =
      existing?.id ??
      (await createPerson(trx, { name: input.name, email: input.email, phone: input.phone || null, cpf: input.cpf || null, language: input.language }));
    await trx
      .insertInto('membership')
      .values({
        person_id: personId,
        company_id: companyId,
        is_portal_admin: input.isPortalAdmin,
        sees_all_tickets: input.seesAllTickets,
        may_request_consulting: input.mayRequestConsulting,
        active: true,
        created_at: now(),
      })
      .execute();
    if (!existing) await invite(trx, config, personId, company.name);
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: existing ? 'contact.added' : 'contact.created',
      targetType: 'person',
      targetId: personId,
      after: { name: input.name, email: input.email, isPortalAdmin: input.isPortalAdmin, seesAllTickets: input.seesAllTickets, mayRequestConsulting: input.mayRequestConsulting },
    });
    return personId;
  });
}

/** Mails a new invitation to a contact who has not set a password yet. */
export async function resendInvitation(ctx: AppContext, actor: Actor, companyId: number, personId: string) {
  const company = await administeredCompany(ctx.db, actor, companyId);
  const member = await membershipOf(ctx.db, companyId, personId);
  // Someone removed from the company is invited by it no more.
  if (!member.active) throw invalidFields({ invitation: 'validation.personInactive' });
  await ctx.db.transaction().execute(async (trx) => {
    await reinvite(trx, ctx.config, personId, company.name);
    await audit(trx, { actorId: actor.id, companyId, action: 'contact.invited', targetType: 'person', targetId: personId, after: { email: member.email } });
  });
}

/** Edits a contact; a new e-mail waits for its owner's confirmation. Never leaves the company without an administrator. */
export async function updateContact(ctx: AppContext, actor: Actor, companyId: number, personId: string, input: z.infer<typeof contactUpdate>) {
  const { db, config } = ctx;
  await administeredCompany(db, actor, companyId);
  const current = await membershipOf(db, companyId, personId);
  const fields: Record<string, string> = ungrantable(actor, companyId, input, current.permissions);
  if (input.isPortalAdmin === false && current.permissions.isPortalAdmin && current.active) {
    const admins = await activeAdmins(db, companyId);
    if (admins.length <= 1) fields.isPortalAdmin = 'validation.lastAdmin';
  }
  const newEmail = input.email !== undefined && input.email !== current.email ? input.email : undefined;
  const shared = await sharedElsewhere(db, actor, personId);
  // Refused whenever sent, changed or not: a 200 for a matching value would confirm a hidden CPF or phone.
  const ownDetails = (['name', 'email', 'phone', 'cpf'] as const).filter((field) => input[field] !== undefined);
  if (shared && ownDetails.length) {
    for (const field of ownDetails) fields[field] = 'validation.managedElsewhere';
  } else if (newEmail && (await db.selectFrom('person').select('id').where('email', '=', newEmail).executeTakeFirst())) {
    fields.email = 'validation.emailTaken';
  }
  if (Object.keys(fields).length) throw invalidFields(fields);

  await db.transaction().execute(async (trx) => {
    const person = { name: input.name, phone: input.phone, cpf: input.cpf, pending_email: newEmail };
    if (Object.values(person).some((v) => v !== undefined)) {
      await trx.updateTable('person').set({ ...person, updated_at: now() }).where('id', '=', personId).execute();
    }
    const rights = { is_portal_admin: input.isPortalAdmin, sees_all_tickets: input.seesAllTickets, may_request_consulting: input.mayRequestConsulting };
    if (Object.values(rights).some((v) => v !== undefined)) {
      await trx.updateTable('membership').set(rights).where('company_id', '=', companyId).where('person_id', '=', personId).execute();
    }
    if (newEmail) await sendEmailConfirmation(trx, config, personId, newEmail);
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

/** Deactivates a contact in this company at once; everything they wrote stays. */
export async function setContactActive(ctx: AppContext, actor: Actor, companyId: number, personId: string, active: boolean) {
  const { db } = ctx;
  await administeredCompany(db, actor, companyId);
  const current = await membershipOf(db, companyId, personId);
  if (!active && current.permissions.isPortalAdmin && current.active) {
    const admins = await activeAdmins(db, companyId);
    if (admins.length <= 1) throw invalidFields({ active: 'validation.lastAdmin' });
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('membership').set({ active }).where('company_id', '=', companyId).where('person_id', '=', personId).execute();
    // A session reads the memberships on every request, so it loses this company at once; it
    // ends only when nothing is left to sign in to (not another company's contact's sessions).
    if (!active && !(await isActivePersonWithAccess(trx, personId))) await endSessions(trx, personId);
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
