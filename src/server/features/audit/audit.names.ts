import { sql } from 'kysely';
import { localized, type Language } from '../../../contracts/i18n';
import type { Db } from '../../db/database';

/** Where each type of target keeps its name: a `name` column, or `names` by language (JSON). */
const sources = {
  person: { table: 'person', byLanguage: false },
  company: { table: 'company', byLanguage: false },
  group: { table: 'agent_group', byLanguage: false },
  help_channel: { table: 'help_channel', byLanguage: true },
  channel: { table: 'channel', byLanguage: true },
  service_line: { table: 'service_line', byLanguage: false },
  module: { table: 'module', byLanguage: false },
  routine: { table: 'routine', byLanguage: false },
  version: { table: 'version', byLanguage: false },
  environment: { table: 'environment', byLanguage: false },
  effect: { table: 'effect', byLanguage: true },
  category: { table: 'category', byLanguage: true },
  origin: { table: 'origin', byLanguage: true },
  close_reason: { table: 'close_reason', byLanguage: true },
  sla_calendar: { table: 'sla_calendar', byLanguage: false },
  sla_policy: { table: 'sla_policy', byLanguage: false },
} as const;
type TargetType = keyof typeof sources;

export type AuditTarget = { target_type: string; target_id: string };

export type NameScope = {
  language: Language;
  /** A portal administrator's log: only this company and its people are named, nothing else. */
  companyId?: number;
};

export const targetKey = (type: string, id: string) => `${type}:${id}`;

/**
 * The current names of a page's targets by "type:id", in one query: a primary-key lookup per type
 * of target, joined by UNION ALL. A target that no longer exists, or lies outside the scope, has none.
 */
export async function targetNames(db: Db, targets: AuditTarget[], scope: NameScope): Promise<Map<string, string>> {
  const { companyId } = scope;
  const types: TargetType[] = companyId === undefined ? (Object.keys(sources) as TargetType[]) : ['person', 'company'];
  const idsOf = (type: TargetType): (string | number)[] => {
    const ids = [...new Set(targets.filter((t) => t.target_type === type).map((t) => t.target_id))];
    if (type === 'person') return ids;
    // Every other table is keyed by number; a company's own log names no other company.
    return ids.map(Number).filter((id) => Number.isSafeInteger(id) && (type !== 'company' || companyId === undefined || id === companyId));
  };

  const lookups = types.flatMap((type) => {
    const ids = idsOf(type);
    if (!ids.length) return [];
    const { table, byLanguage } = sources[type];
    return db
      .selectFrom(table)
      .select([
        // The type is one of our own constants, never a value from the request.
        sql.lit<string>(type).as('type'),
        sql<string>`cast(${sql.ref(`${table}.id`)} as text)`.as('id'),
        sql.ref<string>(`${table}.${byLanguage ? 'names' : 'name'}`).as('name'),
      ])
      .where(`${table}.id`, 'in', ids)
      .$if(type === 'person' && companyId !== undefined, (q) =>
        q.where((eb) => eb.exists(eb.selectFrom('membership').select('membership.person_id').whereRef('membership.person_id', '=', 'person.id').where('membership.company_id', '=', companyId!))),
      );
  });
  const [first, ...rest] = lookups;
  if (!first) return new Map();

  // A company's invitation of someone who already had an account is a contact to the company, by the name it typed.
  const invited = idsOf('person') as string[];
  const byInvitation = db
    .selectFrom('company_invitation')
    .select([sql.lit<string>('person').as('type'), 'company_invitation.id', 'company_invitation.name'])
    .where('company_invitation.id', 'in', invited)
    .$if(companyId !== undefined, (q) => q.where('company_invitation.company_id', '=', companyId!));
  const union = [...rest, ...(invited.length ? [byInvitation] : [])];
  const rows = await (union.length ? first.unionAll(union) : first).execute();
  return new Map(rows.map((r) => [targetKey(r.type, r.id), sources[r.type as TargetType].byLanguage ? localized(JSON.parse(r.name), scope.language) : r.name]));
}
