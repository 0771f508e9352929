import type { Kysely } from 'kysely';
import type { Language } from '../../../contracts/i18n';
import { isLanguage, defaultLanguage } from '../../../contracts/i18n';
import type { StaffRole } from '../../../contracts/auth';
import type { Db } from '../../db/database';
import { preparedQuery } from '../../db/prepared';
import type { Database } from '../../db/schema';

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

/** The session a request carries, with the person it signs in. */
export type SessionActor = { sessionId: string; expiresAt: Date; updatedAt: Date; actor: Actor | undefined };

/** A person's columns and, one row each, their active memberships of active companies. */
const personColumns = [
  'person.id',
  'person.name',
  'person.email',
  'person.language',
  'person.active',
  'person.staff_role',
  'company.id as company_id',
  'company.name as company_name',
  'membership.is_portal_admin',
  'membership.sees_all_tickets',
  'membership.may_request_consulting',
] as const;

/** The queries behind an actor, compiled once per database handle: every API request runs them. */
function actorQueries(db: Kysely<Database>) {
  const people = () =>
    db
      .selectFrom('person')
      .leftJoin('membership', (join) => join.onRef('membership.person_id', '=', 'person.id').on('membership.active', '=', true))
      .leftJoin('company', (join) => join.onRef('company.id', '=', 'membership.company_id').on('company.active', '=', true))
      .select(personColumns)
      .orderBy('company.name');
  return {
    byPerson: preparedQuery(db, 1, (personId: string) => people().where('person.id', '=', personId)),
    bySession: preparedQuery(db, 1, (token: string) =>
      people()
        .innerJoin('session', 'session.person_id', 'person.id')
        .select(['session.id as session_id', 'session.expires_at as session_expires_at', 'session.updated_at as session_updated_at'])
        .where('session.token', '=', token),
    ),
    groups: preparedQuery(db, 1, (personId: string) =>
      db
        .selectFrom('group_member')
        .innerJoin('agent_group', 'agent_group.id', 'group_member.group_id')
        .select('group_member.group_id')
        .where('group_member.person_id', '=', personId)
        .where('agent_group.active', '=', true),
    ),
  };
}

const compiled = new WeakMap<Db, ReturnType<typeof actorQueries>>();
function queriesOf(db: Db) {
  let queries = compiled.get(db);
  if (!queries) compiled.set(db, (queries = actorQueries(db)));
  return queries;
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof actorQueries>['byPerson']>>[number];

/** An active person's rows into an Actor; undefined when the person may not act. */
async function toActor(db: Db, rows: PersonRow[]): Promise<Actor | undefined> {
  const person = rows[0];
  if (!person || !person.active) return undefined;
  const memberships = rows.flatMap((m): Membership[] =>
    m.company_id === null || m.company_name === null
      ? []
      : [
          {
            companyId: m.company_id,
            companyName: m.company_name,
            isPortalAdmin: Boolean(m.is_portal_admin),
            // A portal administrator always sees all of the company's tickets.
            seesAllTickets: Boolean(m.sees_all_tickets) || Boolean(m.is_portal_admin),
            mayRequestConsulting: Boolean(m.may_request_consulting),
          },
        ],
  );
  const staffRole = person.staff_role === 'admin' || person.staff_role === 'agent' ? person.staff_role : null;
  if (!staffRole && memberships.length === 0) return undefined;
  const groups = staffRole ? await queriesOf(db).groups(person.id) : [];
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    language: isLanguage(person.language) ? person.language : defaultLanguage,
    staffRole,
    groupIds: groups.map((g) => g.group_id),
    memberships,
  };
}

/** Loads an active person and their active companies; undefined when the person may not act. */
export async function loadActor(db: Db, personId: string): Promise<Actor | undefined> {
  return toActor(db, await queriesOf(db).byPerson(personId));
}

/** The session whose token hashes to `tokenHash`, with its person, in one query; undefined when there is no such session. */
export async function loadSessionActor(db: Db, tokenHash: string): Promise<SessionActor | undefined> {
  const rows = await queriesOf(db).bySession(tokenHash);
  const first = rows[0];
  if (!first) return undefined;
  return {
    sessionId: first.session_id,
    expiresAt: new Date(first.session_expires_at),
    updatedAt: new Date(first.session_updated_at),
    actor: await toActor(db, rows),
  };
}
