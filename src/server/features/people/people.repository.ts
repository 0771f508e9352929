import type { Db } from '../../db/database';

/**
 * True when the person is active and is either vendor staff or a member of at least
 * one active company: a person with no active company has nothing to sign in to.
 */
export async function isActivePersonWithAccess(db: Db, personId: string): Promise<boolean> {
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
