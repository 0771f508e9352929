import type { Insertable, Kysely } from 'kysely';
import { computeCriticality, defaultMatrix, levels, type Grade, type Level, type Matrix } from '../../../contracts/criticality';
import { isCountryCode } from '../../../contracts/countries';
import { defaultLanguage, isLanguage, localized, type Language } from '../../../contracts/i18n';
import type { openTicketInput } from '../../../contracts/tickets';
import type { z } from 'zod';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { invalidFields } from '../../lib/errors';
import { recordEvent } from '../../lib/events';
import { assignOpenedTickets } from '../assignment/assignment.service';
import type { Actor } from '../auth/auth.actor';
import { loadTicketChoices } from '../catalog/catalog.form';
import { planOpeningClocks, writeOpeningClocks } from '../sla/sla.service';
import { loadSlaSetup, type SlaSetup } from '../sla/sla.setup';
import { enqueueMails } from '../mail/mail.outbox';
import { ticketOpenedMails, type OpenedTicketMail } from './tickets.mails';

type OpenTicket = z.infer<typeof openTicketInput>;

/** The person a ticket is for, with what the opening mail needs about them. */
type Requester = {
  companyId: number;
  requesterId: string;
  mayRequestConsulting: boolean;
  name: string;
  email: string;
  language: Language;
};

/** Who the ticket is for: the company and the requesting contact, checked against the actor's rights. */
async function resolveRequester(db: Db, actor: Actor, input: OpenTicket, fields: Record<string, string>): Promise<Requester | undefined> {
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
      .select(['membership.may_request_consulting', 'person.name', 'person.email', 'person.language'])
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
    return {
      companyId: input.companyId,
      requesterId: input.requesterId,
      mayRequestConsulting: Boolean(member.may_request_consulting),
      name: member.name,
      email: member.email,
      language: isLanguage(member.language) ? member.language : defaultLanguage,
    };
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
  return {
    companyId: membership.companyId,
    requesterId: actor.id,
    mayRequestConsulting: membership.mayRequestConsulting,
    name: actor.name,
    email: actor.email,
    language: actor.language,
  };
}

/** A checked opening, ready to be written: the ticket's row (without its number) and its mails' facts. */
type Opening = {
  publicUrl: string;
  actorId: string;
  row: Omit<Insertable<Database['ticket']>, 'number' | 'created_at' | 'updated_at'>;
  copies: string[];
  /** The opening event names the requester when someone else opened the ticket. */
  onBehalfOf: string | null;
  mail: Omit<OpenedTicketMail, 'number'>;
};

/**
 * Opens a ticket: checks every choice against the catalog and the actor's rights (each refusal
 * names its field), computes the criticality (ignoring anything sent), takes the next number,
 * and writes the ticket, its copies, its history and its mails in one transaction.
 */
export async function openTicket(db: Db, publicUrl: string, actor: Actor, input: OpenTicket): Promise<{ number: number }> {
  const fields: Record<string, string> = {};
  const who = await resolveRequester(db, actor, input, fields);
  const copies = [...new Set(input.additionalEmails)];

  // Every catalog fact in one statement; the copied addresses' people in another, when there are any.
  const [choices, copiedPeople] = await Promise.all([
    loadTicketChoices(db, {
      serviceLineId: input.serviceLineId,
      companyId: who?.companyId ?? null,
      categoryId: input.categoryId,
      originId: input.originId,
      effectId: input.effectId,
      moduleId: input.moduleId,
      routineId: input.routineId,
      versionId: input.versionId ?? null,
      environmentId: input.environmentId ?? null,
    }),
    copies.length ? db.selectFrom('person').select(['email', 'name', 'language']).where('email', 'in', copies).execute() : [],
  ]);
  const { category, origin, effect } = choices;

  if (choices.lineName === null || (who && !choices.entitled)) fields.serviceLineId = 'validation.notEntitled';
  if (!isCountryCode(input.country)) fields.country = 'validation.country';
  if (!category) fields.categoryId = 'validation.notInList';
  else if (category.needsConsultingRight && who && !who.mayRequestConsulting) fields.categoryId = 'validation.consultingNotAllowed';
  if (!origin) fields.originId = 'validation.notInList';
  if (!effect) fields.effectId = 'validation.notInList';
  if (!choices.moduleOk) fields.moduleId = 'validation.notInList';
  if (choices.routineModuleId !== input.moduleId) fields.routineId = 'validation.routineOfModule';
  for (const [field, uses, ok] of [
    ['versionId', choices.usesVersions, choices.versionOk],
    ['environmentId', choices.usesEnvironments, choices.environmentOk],
  ] as const) {
    const chosen = input[field];
    if (uses) {
      if (chosen == null) fields[field] = 'validation.required';
      else if (!ok) fields[field] = 'validation.notInList';
    } else if (chosen != null) {
      fields[field] = 'validation.notUsed';
    }
  }
  if (Object.keys(fields).length || !who || !category || !origin || !effect || choices.lineName === null) throw invalidFields(fields);

  const impact = origin.impact as Grade;
  const urgency = effect.urgency as Grade;
  // The matrix as the administrator set it: only the cell of this impact and urgency is read.
  const matrix: Matrix = { ...defaultMatrix, [impact]: { ...defaultMatrix[impact], ...(choices.matrixLevel ? { [urgency]: choices.matrixLevel as Level } : {}) } };
  const criticality = computeCriticality(
    {
      effect: { name: localized(JSON.parse(effect.names), 'pt-BR'), urgency },
      origin: { name: localized(JSON.parse(origin.names), 'pt-BR'), impact },
      category: { name: localized(JSON.parse(category.names), 'pt-BR'), cap: category.capLevel as Level | null },
    },
    matrix,
  );
  const reasonIds = { effectId: input.effectId, originId: input.originId, categoryId: input.categoryId };
  const people = new Map(copiedPeople.map((p) => [p.email, p]));

  const number = await writeOpening(db, {
    publicUrl,
    actorId: actor.id,
    row: {
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
      // A new ticket goes to the group that serves its service line.
      group_id: choices.groupId,
      assignee_id: null,
      revision: 1,
    },
    copies,
    onBehalfOf: who.requesterId === actor.id ? null : who.requesterId,
    mail: {
      summary: input.summary,
      criticality: criticality.level,
      serviceLineName: choices.lineName,
      requester: { email: who.email, name: who.name, language: who.language },
      // In address order, as the copies are kept.
      copies: [...copies].sort().map((email) => {
        const person = people.get(email);
        return { email, name: person?.name ?? null, language: person && isLanguage(person.language) ? person.language : null };
      }),
    },
  });
  return { number };
}

/** Most openings written in one transaction. */
const maxBatch = 64;

type Pending = { opening: Opening; resolve: (number: number) => void; reject: (error: unknown) => void };
type Writer = { queue: Pending[]; writing: boolean };
const writers = new WeakMap<Db, Writer>();

/**
 * Writes an opening and resolves to its number once committed. Openings that arrive while a
 * transaction is being written wait and go together in the next one (a group commit): one
 * transaction of k openings costs SQLite far less than k transactions (one commit, one write of
 * the shared pages, one full-text segment), and each one is still committed before it is
 * answered. If a group fails, each of its openings is tried again alone, so one opening's
 * failure is its own and a rolled-back opening gives its number to no one.
 */
function writeOpening(db: Db, opening: Opening): Promise<number> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = { queue: [], writing: false }));
  const w = writer;
  return new Promise<number>((resolve, reject) => {
    w.queue.push({ opening, resolve, reject });
    if (!w.writing) {
      w.writing = true;
      // After the event loop's current turn: the openings of the other requests handled in it go in the same transaction.
      setImmediate(() => void drain(db, w));
    }
  });
}

async function drain(db: Db, writer: Writer): Promise<void> {
  try {
    while (writer.queue.length) {
      let group: Pending[] = [];
      let began = false;
      try {
        // Read outside the transaction, from the handle's cache (one version check).
        const setup = await loadSlaSetup(db);
        const numbers = await db.transaction().execute((trx) => {
          began = true;
          // Taken once the transaction holds the connection, so that every opening that
          // became ready while it waited for it goes in too (and kept if the body runs again).
          if (!group.length) group = writer.queue.splice(0, maxBatch);
          return writeOpenings(trx, setup, group.map((p) => p.opening));
        });
        group.forEach((p, i) => p.resolve(numbers[i]!));
      } catch (error) {
        // No transaction could begin (the database is gone, or busy past its timeout): the
        // openings waiting now fail with that error rather than being tried again and again.
        // Nor is a group tried again whose connection was lost: its commit may have been written.
        if (!group.length) group = writer.queue.splice(0, maxBatch);
        if (group.length === 1 || !began || isDatabaseUnavailable(error)) {
          for (const p of group) p.reject(error);
          continue;
        }
        for (const p of group) {
          try {
            const setup = await loadSlaSetup(db);
            const [number] = await db.transaction().execute((trx) => writeOpenings(trx, setup, [p.opening]));
            p.resolve(number!);
          } catch (alone) {
            p.reject(alone);
          }
        }
      }
    }
  } finally {
    writer.writing = false;
  }
}

/**
 * Writes openings in the caller's transaction, in order, with a statement per table for all of
 * them: the numbers (one update of the sequence), the tickets, their copies, their history, the
 * assignees of groups that assign automatically, and their mails; each is a `ticket.opened`
 * domain event. Returns the numbers, in the order of the openings.
 */
async function writeOpenings(trx: Kysely<Database>, setup: SlaSetup, openings: Opening[]): Promise<number[]> {
  const last = await nextTicketNumbers(trx, openings.length);
  const numbers = openings.map((_, i) => last - openings.length + 1 + i);
  const at = now();
  // The SLA clocks start with the opening; the earliest due time goes in the ticket's row.
  const clocks = await planOpeningClocks(
    trx,
    setup,
    openings.map((o) => ({ serviceLineId: o.row.service_line_id, categoryId: o.row.category_id, companyId: o.row.company_id, criticality: o.row.criticality })),
    at,
  );
  const inserted = await trx
    .insertInto('ticket')
    .values(openings.map((o, i) => ({ ...o.row, number: numbers[i]!, sla_due_at: clocks[i]!.slaDueAt, sla_warn_at: clocks[i]!.slaWarnAt, created_at: at, updated_at: at })))
    .returning(['id', 'number'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.number, r.id]));
  const ids = numbers.map((n) => idOf.get(n)!);
  await writeOpeningClocks(trx, ids, clocks);
  const copies = openings.flatMap((o, i) => o.copies.map((email) => ({ ticket_id: ids[i]!, email })));
  if (copies.length) await trx.insertInto('ticket_copy').values(copies).execute();
  await trx
    .insertInto('ticket_event')
    .values(
      openings.map((o, i) => ({
        ticket_id: ids[i]!,
        actor_id: o.actorId,
        kind: 'opened',
        field: null,
        from_value: null,
        to_value: o.onBehalfOf,
        public: true,
        created_at: at,
      })),
    )
    .execute();
  const assigned = await assignOpenedTickets(
    trx,
    openings.map((o, i) => ({ id: ids[i]!, groupId: o.row.group_id ?? null, moduleId: o.row.module_id })),
  );
  openings.forEach((o, i) =>
    recordEvent(trx, {
      type: 'ticket.opened',
      ticketId: ids[i]!,
      number: numbers[i]!,
      groupId: o.row.group_id ?? null,
      companyId: o.row.company_id,
      requesterId: o.row.requester_id,
      actorId: o.actorId,
      assigneeId: assigned.get(ids[i]!)?.id ?? null,
      revision: 1,
    }),
  );
  await enqueueMails(
    trx,
    openings.flatMap((o, i) => ticketOpenedMails(o.publicUrl, { ...o.mail, number: numbers[i]! })),
  );
  return numbers;
}

/** Takes `count` ticket numbers and returns the last; the row lock (PostgreSQL) or the single writer (SQLite) keeps them unique. */
async function nextTicketNumbers(trx: Kysely<Database>, count: number): Promise<number> {
  const row = await trx
    .updateTable('ticket_sequence')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'ticket')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
