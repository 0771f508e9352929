import type { Kysely } from 'kysely';
import { computeCriticality, levels, type Grade, type Level } from '../../../contracts/criticality';
import { isCountryCode } from '../../../contracts/countries';
import { localized } from '../../../contracts/i18n';
import type { openTicketInput } from '../../../contracts/tickets';
import type { z } from 'zod';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { isEntitled, loadMatrix } from '../catalog/catalog.form';
import { queueTicketOpenedMails } from './tickets.mails';

type OpenTicket = z.infer<typeof openTicketInput>;

/** Who the ticket is for: the company and the requesting contact, checked against the actor's rights. */
async function resolveRequester(db: Db, actor: Actor, input: OpenTicket, fields: Record<string, string>) {
  if (input.onBehalf) {
    if (!actor.staffRole) {
      fields.onBehalf = 'validation.onBehalfNotAllowed';
      return undefined;
    }
    if (!input.companyId) fields.companyId = 'validation.required';
    if (!input.requesterId) fields.requesterId = 'validation.required';
    if (!input.companyId || !input.requesterId) return undefined;
    const member = await db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .innerJoin('company', 'company.id', 'membership.company_id')
      .select(['membership.may_request_consulting', 'membership.is_portal_admin'])
      .where('membership.company_id', '=', input.companyId)
      .where('membership.person_id', '=', input.requesterId)
      .where('person.active', '=', true)
      .where('company.active', '=', true)
      .where('membership.active', '=', true)
      .executeTakeFirst();
    if (!member) {
      fields.requesterId = 'validation.requesterNotInCompany';
      return undefined;
    }
    return { companyId: input.companyId, requesterId: input.requesterId, mayRequestConsulting: Boolean(member.may_request_consulting) };
  }
  if (actor.staffRole) {
    fields.onBehalf = 'validation.staffOpensOnBehalf';
    return undefined;
  }
  const membership =
    input.companyId !== undefined
      ? actor.memberships.find((m) => m.companyId === input.companyId)
      : actor.memberships.length === 1
        ? actor.memberships[0]
        : undefined;
  if (!membership) {
    fields.companyId = input.companyId === undefined ? 'validation.required' : 'validation.notInList';
    return undefined;
  }
  return { companyId: membership.companyId, requesterId: actor.id, mayRequestConsulting: membership.mayRequestConsulting };
}

/** Reads an active catalog row of a table that belongs to the service line (or to the module, for routines). */
function activeItem(db: Db, table: 'module' | 'version' | 'environment', id: number, serviceLineId: number) {
  return db.selectFrom(table).select(['id', 'name']).where('id', '=', id).where('service_line_id', '=', serviceLineId).where('active', '=', true).executeTakeFirst();
}

async function usesList(db: Db, table: 'version' | 'environment', serviceLineId: number) {
  const row = await db.selectFrom(table).select('id').where('service_line_id', '=', serviceLineId).where('active', '=', true).executeTakeFirst();
  return Boolean(row);
}

/**
 * Opens a ticket: checks every choice against the catalog and the actor's rights (each refusal
 * names its field), computes the criticality (ignoring anything sent), takes the next number,
 * and writes the ticket, its copies, its history and its mails in one transaction.
 */
export async function openTicket(db: Db, publicUrl: string, actor: Actor, input: OpenTicket): Promise<{ number: number }> {
  const fields: Record<string, string> = {};
  const who = await resolveRequester(db, actor, input, fields);

  const line = await db.selectFrom('service_line').select(['id']).where('id', '=', input.serviceLineId).where('active', '=', true).executeTakeFirst();
  if (!line || (who && !(await isEntitled(db, who.companyId, input.serviceLineId)))) fields.serviceLineId = 'validation.notEntitled';

  if (!isCountryCode(input.country)) fields.country = 'validation.country';

  const [category, origin, effect, module, routine] = await Promise.all([
    db.selectFrom('category').select(['id', 'names', 'cap_level', 'needs_consulting_right']).where('id', '=', input.categoryId).where('active', '=', true).executeTakeFirst(),
    db.selectFrom('origin').select(['id', 'names', 'impact']).where('id', '=', input.originId).where('active', '=', true).executeTakeFirst(),
    db.selectFrom('effect').select(['id', 'names', 'urgency']).where('id', '=', input.effectId).where('active', '=', true).executeTakeFirst(),
    activeItem(db, 'module', input.moduleId, input.serviceLineId),
    db.selectFrom('routine').select(['id', 'module_id']).where('id', '=', input.routineId).where('active', '=', true).executeTakeFirst(),
  ]);
  if (!category) fields.categoryId = 'validation.notInList';
  else if (category.needs_consulting_right && who && !who.mayRequestConsulting) fields.categoryId = 'validation.consultingNotAllowed';
  if (!origin) fields.originId = 'validation.notInList';
  if (!effect) fields.effectId = 'validation.notInList';
  if (!module) fields.moduleId = 'validation.notInList';
  if (!routine || routine.module_id !== input.moduleId) fields.routineId = 'validation.routineOfModule';

  for (const [table, field] of [
    ['version', 'versionId'],
    ['environment', 'environmentId'],
  ] as const) {
    const chosen = input[field];
    if (await usesList(db, table, input.serviceLineId)) {
      if (chosen == null) fields[field] = 'validation.required';
      else if (!(await activeItem(db, table, chosen, input.serviceLineId))) fields[field] = 'validation.notInList';
    } else if (chosen != null) {
      fields[field] = 'validation.notUsed';
    }
  }
  if (Object.keys(fields).length || !who || !category || !origin || !effect) throw invalidFields(fields);

  const criticality = computeCriticality(
    {
      effect: { name: localized(JSON.parse(effect.names), 'pt-BR'), urgency: effect.urgency as Grade },
      origin: { name: localized(JSON.parse(origin.names), 'pt-BR'), impact: origin.impact as Grade },
      category: { name: localized(JSON.parse(category.names), 'pt-BR'), cap: category.cap_level as Level | null },
    },
    await loadMatrix(db),
  );
  const reasonIds = { effectId: effect.id, originId: origin.id, categoryId: category.id };
  const copies = [...new Set(input.additionalEmails)];

  // A new ticket goes to the group that serves its service line.
  const group = await db
    .selectFrom('group_service_line')
    .innerJoin('agent_group', 'agent_group.id', 'group_service_line.group_id')
    .select('group_service_line.group_id')
    .where('group_service_line.service_line_id', '=', input.serviceLineId)
    .where('agent_group.active', '=', true)
    .orderBy('group_service_line.group_id')
    .executeTakeFirst();

  const number = await db.transaction().execute(async (trx) => {
    const number = await nextTicketNumber(trx);
    const at = now();
    const { id } = await trx
      .insertInto('ticket')
      .values({
        number,
        company_id: who.companyId,
        requester_id: who.requesterId,
        opened_by_id: actor.id,
        service_line_id: input.serviceLineId,
        country: input.country,
        category_id: input.categoryId,
        origin_id: input.originId,
        effect_id: input.effectId,
        module_id: input.moduleId,
        routine_id: input.routineId,
        version_id: input.versionId ?? null,
        environment_id: input.environmentId ?? null,
        summary: input.summary,
        incident: input.incident,
        criticality: criticality.level,
        criticality_rank: levels.indexOf(criticality.level),
        criticality_reason: JSON.stringify({ ...reasonIds, urgency: criticality.urgency, impact: criticality.impact, capped: Boolean(criticality.cappedBy), level: criticality.level }),
        status: 'new',
        group_id: group?.group_id ?? null,
        assignee_id: null,
        revision: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (copies.length) await trx.insertInto('ticket_copy').values(copies.map((email) => ({ ticket_id: id, email }))).execute();
    await trx
      .insertInto('ticket_event')
      .values({
        ticket_id: id,
        actor_id: actor.id,
        kind: 'opened',
        field: null,
        from_value: null,
        to_value: who.requesterId === actor.id ? null : who.requesterId,
        public: true,
        created_at: at,
      })
      .execute();
    await queueTicketOpenedMails(trx, publicUrl, id);
    return number;
  });
  return { number };
}

/** The next ticket number; the row lock (PostgreSQL) or the single writer (SQLite) keeps it unique. */
async function nextTicketNumber(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .updateTable('ticket_sequence')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'ticket')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
