import type { Language } from '../../../contracts/i18n';
import { isLanguage, defaultLanguage } from '../../../contracts/i18n';
import type { StaffRole } from '../../../contracts/auth';
import type { Db } from '../../db/database';

export type Membership = {
  companyId: number;
  companyName: string;
  isPortalAdmin: boolean;
  seesAllTickets: boolean;
  mayRequestConsulting: boolean;
};

/** The signed-in person as every policy sees them. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  language: Language;
  staffRole: StaffRole | null;
  /** Only memberships of active companies. */
  memberships: Membership[];
  /** Agent groups (queues) the person works in; empty for customers. */
  groupIds: number[];
};

/** Loads an active person and their active companies; undefined when the person may not act. */
export async function loadActor(db: Db, personId: string): Promise<Actor | undefined> {
  const person = await db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'language', 'active', 'staff_role'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || !person.active) return undefined;
  const memberships = await db
    .selectFrom('membership')
    .innerJoin('company', 'company.id', 'membership.company_id')
    .select([
      'company.id as companyId',
      'company.name as companyName',
      'membership.is_portal_admin',
      'membership.sees_all_tickets',
      'membership.may_request_consulting',
    ])
    .where('membership.person_id', '=', personId)
    .where('company.active', '=', true)
    .where('membership.active', '=', true)
    .orderBy('company.name')
    .execute();
  const staffRole = person.staff_role === 'admin' || person.staff_role === 'agent' ? person.staff_role : null;
  if (!staffRole && memberships.length === 0) return undefined;
  const groups = staffRole
    ? await db
        .selectFrom('group_member')
        .innerJoin('agent_group', 'agent_group.id', 'group_member.group_id')
        .select('group_member.group_id')
        .where('group_member.person_id', '=', personId)
        .where('agent_group.active', '=', true)
        .execute()
    : [];
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    language: isLanguage(person.language) ? person.language : defaultLanguage,
    staffRole,
    groupIds: groups.map((g) => g.group_id),
    memberships: memberships.map((m) => ({
      companyId: m.companyId,
      companyName: m.companyName,
      isPortalAdmin: Boolean(m.is_portal_admin),
      // A portal administrator always sees all of the company's tickets.
      seesAllTickets: Boolean(m.sees_all_tickets) || Boolean(m.is_portal_admin),
      mayRequestConsulting: Boolean(m.may_request_consulting),
    })),
  };
}
