import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalidFields } from '../../lib/errors';
import type { Db } from '../../db/database';
import { containsFolded } from '../../db/text-search';
import { inlineLimit } from '../../db/limit';

/**
 * True when the person is active and is either vendor staff or a member of at least
 * one active company: a person with no active company has nothing to sign in to.
 */
export async function isActivePersonWithAccess(db: Kysely<Database>, personId: string): Promise<boolean> {
  const person = await db
    .selectFrom('person')
    .select(['active', 'staff_role'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || !person.active) return false;
  if (person.staff_role) return true;
  const membership = await db
    .selectFrom('membership')
    .innerJoin('company', 'company.id', 'membership.company_id')
    .select('membership.company_id')
    .where('membership.person_id', '=', personId)
    .where('company.active', '=', true)
    .where('membership.active', '=', true)
    .executeTakeFirst();
  return Boolean(membership);
}

/** Looks a person up by e-mail (stored lower-cased). */
export function findPersonByEmail(db: Db, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'language', 'active', 'staff_role'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function findPersonById(db: Db, id: string) {
  return db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'language', 'active', 'staff_role'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function decodeNameCursor(raw: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString()) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    // fall through to the validation error
  }
  throw invalidFields({ cursor: 'validation.invalid' });
}

/**
 * Whether the person of the query belongs to a company outside `administered` (one the reader does
 * not administer): their own details are then not the reader's to see or change (people.admin.ts).
 */
export function inCompanyOutside(eb: ExpressionBuilder<Database, 'person'>, administered: number[]) {
  return eb.exists(eb.selectFrom('membership as other').select('other.person_id').whereRef('other.person_id', '=', 'person.id').where('other.company_id', 'not in', administered));
}

type ContactQuery = { q?: string; status: 'active' | 'inactive' | 'all'; limit: number; cursor?: string; personId?: string };

/**
 * A company's people for its administrators, by name, with keyset pages: its members, and the
 * people it invited who already had an account, shown as it typed them (people.invitations.ts) —
 * exactly as a new contact who has not set a password is shown. `administered` holds the companies
 * the reader administers (null: all, a system administrator): a member who also belongs to another
 * company is `sharedElsewhere`, and their phone, CPF and pending e-mail are not shown.
 */
export async function listCompanyContacts(db: Db, companyId: number, administered: number[] | null, query: ContactQuery) {
  const members = db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select((eb) => [
      administered ? inCompanyOutside(eb, administered).as('shared_elsewhere') : sql<boolean>`false`.as('shared_elsewhere'),
      'person.id',
      'person.name',
      'person.email',
      'person.pending_email',
      'person.phone',
      'person.cpf',
      'person.active as person_active',
      'membership.active',
      'membership.is_portal_admin',
      'membership.sees_all_tickets',
      'membership.may_request_consulting',
      eb.exists(eb.selectFrom('account').select('account.id').whereRef('account.person_id', '=', 'person.id')).as('has_password'),
    ])
    .where('membership.company_id', '=', companyId);
  const invited = db
    .selectFrom('company_invitation')
    .select([
      sql<boolean>`false`.as('shared_elsewhere'),
      'company_invitation.id',
      'company_invitation.name',
      'company_invitation.email',
      sql<string | null>`cast(null as text)`.as('pending_email'),
      'company_invitation.phone',
      'company_invitation.cpf',
      sql<boolean>`true`.as('person_active'),
      'company_invitation.active',
      'company_invitation.is_portal_admin',
      'company_invitation.sees_all_tickets',
      'company_invitation.may_request_consulting',
      sql<boolean>`false`.as('has_password'),
    ])
    .where('company_invitation.company_id', '=', companyId)
    .where('company_invitation.status', '!=', 'accepted');
  let q = db.selectFrom(members.unionAll(invited).as('contact')).selectAll();
  if (query.personId) q = q.where('contact.id', '=', query.personId);
  if (query.status !== 'all') q = q.where('contact.active', '=', query.status === 'active');
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => eb.or([containsFolded(db.dialectName, 'contact.name', text), containsFolded(db.dialectName, 'contact.email', text)]));
  }
  if (query.cursor) {
    const [name, id] = decodeNameCursor(query.cursor);
    q = q.where((eb) => eb.or([eb('contact.name', '>', name), eb.and([eb('contact.name', '=', name), eb('contact.id', '>', id)])]));
  }
  const rows = await q.orderBy('contact.name').orderBy('contact.id').limit(inlineLimit(query.limit + 1)).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    contacts: page.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      pendingEmail: p.shared_elsewhere ? null : p.pending_email,
      phone: p.shared_elsewhere ? null : p.phone,
      cpf: p.shared_elsewhere ? null : p.cpf,
      sharedElsewhere: Boolean(p.shared_elsewhere),
      active: Boolean(p.active) && Boolean(p.person_active),
      isPortalAdmin: Boolean(p.is_portal_admin),
      seesAllTickets: Boolean(p.sees_all_tickets),
      mayRequestConsulting: Boolean(p.may_request_consulting),
      invitationPending: !p.has_password,
    })),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null,
  };
}
