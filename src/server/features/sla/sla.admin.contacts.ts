import type { Kysely } from 'kysely';
import type { EscalationView, SupportTiersView } from '../../../contracts/sla-admin';
import { now } from '../../db/columns';
import type { Database } from '../../db/schema';
import { invalidFields, notFound } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { audit } from '../audit/audit.service';
import { stale } from './sla.admin.service';
import { bumpSlaVersion } from './sla.setup';

type Db = Kysely<Database>;

/** Every company with its support tier, and the tiers in use. */
export async function supportTiers(db: Db): Promise<SupportTiersView> {
  const companies = await db.selectFrom('company').select(['id', 'name', 'support_tier']).orderBy('name').execute();
  const tiers = [...new Set(companies.map((c) => c.support_tier).filter((t): t is string => Boolean(t)))].sort((a, b) => a.localeCompare(b, 'pt-BR'));
  return { companies: companies.map((c) => ({ id: c.id, name: c.name, supportTier: c.support_tier })), tiers };
}

/** Sets a company's tier if it still has the one its editor saw (409 otherwise); policies may match on it. */
export async function setSupportTier(trx: Db, actor: Actor, companyId: number, tier: string | null, previous: string | null): Promise<void> {
  const company = await trx.selectFrom('company').select(['id', 'support_tier']).where('id', '=', companyId).executeTakeFirst();
  if (!company) throw notFound();
  const updated = await trx
    .updateTable('company')
    .set({ support_tier: tier, updated_at: now() })
    .where('id', '=', companyId)
    .where((eb) => (previous === null ? eb('support_tier', 'is', null) : eb('support_tier', '=', previous)))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw stale();
  await bumpSlaVersion(trx);
  await audit(trx, { actorId: actor.id, companyId, action: 'sla.company.tier', targetType: 'company', targetId: companyId, before: { supportTier: company.support_tier }, after: { supportTier: tier } });
}

/** Every group with its escalation contacts. */
export async function escalationContacts(db: Db): Promise<EscalationView> {
  const [groups, contacts] = await Promise.all([
    db.selectFrom('agent_group').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('group_escalation_contact').select(['group_id', 'person_id']).orderBy('person_id').execute(),
  ]);
  return { groups: groups.map((g) => ({ id: g.id, name: g.name, contactIds: contacts.filter((c) => c.group_id === g.id).map((c) => c.person_id) })) };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * Replaces a group's escalation contacts (active staff only) if they are still those its editor saw:
 * the group's row is locked first on PostgreSQL (SQLite has one writer), so two editors cannot both pass.
 */
export async function setEscalationContacts(trx: Db, actor: Actor, groupId: number, personIds: string[], previous: string[], dialect: 'sqlite' | 'postgres'): Promise<void> {
  const group = await trx
    .selectFrom('agent_group')
    .select('id')
    .where('id', '=', groupId)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!group) throw notFound();
  const current = (await trx.selectFrom('group_escalation_contact').select('person_id').where('group_id', '=', groupId).execute()).map((c) => c.person_id);
  if (!sameSet(current, previous)) throw stale();
  const ids = [...new Set(personIds)];
  const staff = ids.length ? await trx.selectFrom('person').select('id').where('id', 'in', ids).where('staff_role', 'is not', null).where('active', '=', true).execute() : [];
  if (staff.length !== ids.length) throw invalidFields({ personIds: 'validation.notInList' });
  await trx.deleteFrom('group_escalation_contact').where('group_id', '=', groupId).execute();
  if (ids.length) await trx.insertInto('group_escalation_contact').values(ids.map((person_id) => ({ group_id: groupId, person_id }))).execute();
  await bumpSlaVersion(trx);
  await audit(trx, { actorId: actor.id, action: 'sla.group.escalation', targetType: 'group', targetId: groupId, before: { escalationContacts: current }, after: { escalationContacts: ids } });
}
