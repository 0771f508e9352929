import type { Insertable, Kysely } from 'kysely';
import type { Level } from '../../../contracts/criticality';
import { slaTargetKinds, type SlaTargetKind } from '../../../contracts/sla';
import { iso } from '../../db/columns';
import type { Database } from '../../db/schema';
import { clockTimes, pausesIn, type Pause } from './sla.clock';
import { loadSlaSetup, matchPolicy, targetKey, type SlaPolicy, type SlaSetup, type TicketFacts } from './sla.setup';
import type { TicketSlaTable } from './sla.tables';

type ClockRow = Insertable<TicketSlaTable>;
/** What a new ticket's policy is chosen from. */
export type OpeningFacts = { serviceLineId: number; categoryId: number; companyId: number; criticality: string };
/** The clocks of a new ticket: its earliest due time, and the rows to write once it has an id. */
export type OpeningClocks = { slaDueAt: string | null; slaWarnAt: string | null; rows: Omit<ClockRow, 'ticket_id'>[] };

function targetMinutes(policy: SlaPolicy, criticality: string, kind: SlaTargetKind): number | null {
  const minutes = policy.targets[criticality as Level]?.[targetKey[kind]];
  return typeof minutes === 'number' && minutes > 0 ? minutes : null;
}

/**
 * The clocks of tickets being opened, computed in the opening's transaction before the tickets
 * are written (their earliest due time goes in the ticket's row): first response and resolution
 * from the opening, on the calendar of the first policy that matches. At most two small reads per
 * batch of openings (a line's channel, a company's tier, where a policy matches on them). `setup` is read before the transaction (loadSlaSetup
 * of the database handle, cached): an edit in between is caught up by the job (older setup version).
 */
export async function planOpeningClocks(trx: Kysely<Database>, setup: SlaSetup, openings: OpeningFacts[], at: string): Promise<OpeningClocks[]> {
  const none = openings.map(() => ({ slaDueAt: null, slaWarnAt: null, rows: [] }));
  if (!setup.policies.length || !openings.length) return none;
  // A line's channel and a company's tier are read only when some policy matches on them.
  const uses = (key: 'channelIds' | 'supportTiers') => setup.policies.some((p) => (p.match[key]?.length ?? 0) > 0);
  const [lines, companies] = await Promise.all([
    uses('channelIds') ? trx.selectFrom('service_line').select(['id', 'channel_id']).where('id', 'in', [...new Set(openings.map((o) => o.serviceLineId))]).execute() : [],
    uses('supportTiers') ? trx.selectFrom('company').select(['id', 'support_tier']).where('id', 'in', [...new Set(openings.map((o) => o.companyId))]).execute() : [],
  ]);
  const started = new Date(at);
  return openings.map((o) => {
    const facts: TicketFacts = {
      serviceLineId: o.serviceLineId,
      channelId: lines.find((l) => l.id === o.serviceLineId)?.channel_id ?? 0,
      categoryId: o.categoryId,
      companyId: o.companyId,
      supportTier: companies.find((c) => c.id === o.companyId)?.support_tier ?? null,
      criticality: o.criticality as Level,
    };
    const policy = matchPolicy(setup.policies, facts);
    const calendar = policy && setup.calendars.get(policy.calendarId)?.calendar;
    if (!policy || !calendar) return { slaDueAt: null, slaWarnAt: null, rows: [] };
    const rows = (['first_response', 'resolution'] as const).flatMap((target) => {
      const minutes = targetMinutes(policy, o.criticality, target);
      if (minutes === null) return [];
      const times = clockTimes(calendar, started, minutes, [], started);
      return [{ ...newClock(setup, policy, target, 1, minutes, at), due_at: times.dueAt.toISOString(), warn_at: times.warnAt.toISOString() }];
    });
    const next = [...rows].sort((a, b) => a.due_at.localeCompare(b.due_at))[0];
    return { slaDueAt: next?.due_at ?? null, slaWarnAt: next?.warn_at ?? null, rows };
  });
}

function newClock(setup: SlaSetup, policy: SlaPolicy, target: SlaTargetKind, cycle: number, minutes: number, startedAt: string) {
  return {
    target,
    cycle,
    policy_id: policy.id,
    setup_version: setup.version,
    target_minutes: minutes,
    started_at: startedAt,
    state: 'running',
    met_at: null,
    breached_at: null,
    paused_minutes: 0,
    warned_at: null,
    breach_notified_at: null,
  };
}

/** Writes the clocks planned by planOpeningClocks for the tickets now written, in one statement. */
export async function writeOpeningClocks(trx: Kysely<Database>, ticketIds: number[], clocks: OpeningClocks[]): Promise<void> {
  const rows = clocks.flatMap((c, i) => c.rows.map((r) => ({ ...r, ticket_id: ticketIds[i]! }) as ClockRow));
  if (rows.length) await trx.insertInto('ticket_sla').values(rows).execute();
}

/** A public agent reply: the pending first and next responses are met (a breached one stays breached, with its time). */
export async function meetResponses(trx: Kysely<Database>, ticketId: number, at: string): Promise<void> {
  const updated = await trx
    .updateTable('ticket_sla')
    .set((eb) => ({ met_at: at, state: eb.case().when('state', '=', 'breached').then('breached').else('met').end() }))
    .where('ticket_id', '=', ticketId)
    .where('target', 'in', ['first_response', 'next_response'])
    .where('met_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows)) await refreshTicketSla(trx, ticketId);
}

/** The ticket's earliest running due time and its oldest unmet breach, as the lists sort and show them. */
export async function refreshTicketSla(trx: Kysely<Database>, ticketId: number): Promise<void> {
  const rows = await trx.selectFrom('ticket_sla').select(['state', 'due_at', 'warn_at', 'breached_at', 'met_at']).where('ticket_id', '=', ticketId).execute();
  const earliest = (values: string[]) => values.sort()[0] ?? null;
  const next = rows.filter((r) => r.state === 'running').sort((a, b) => iso(a.due_at).localeCompare(iso(b.due_at)))[0];
  await trx
    .updateTable('ticket')
    .set({
      sla_due_at: next ? iso(next.due_at) : null,
      sla_warn_at: next ? iso(next.warn_at) : null,
      sla_breached_at: earliest(rows.filter((r) => r.state === 'breached' && r.met_at === null && r.breached_at !== null).map((r) => iso(r.breached_at!))),
    })
    .where('id', '=', ticketId)
    .where('status', '<>', 'closed')
    .execute();
  await trx.updateTable('ticket').set({ sla_due_at: null, sla_warn_at: null, sla_breached_at: null }).where('id', '=', ticketId).where('status', '=', 'closed').execute();
}

type Options = {
  /** A customer's message: a next-response clock starts unless one (or the first response) is pending. */
  startNextResponse?: boolean;
  now?: Date;
};

/**
 * Brings a ticket's clocks in line with the ticket as it is now, in the caller's transaction: the
 * policy matched again (a reclassification, a criticality override, an edit of the setup), the
 * pause opened or closed by its status, every clock not yet met recomputed from its start and the
 * pauses, the resolution met on closing (the responses still pending stop) and started again on
 * reopening; then the ticket's due time and breach. Pure arithmetic over a few rows per ticket.
 */
export async function syncTicketClocks(trx: Kysely<Database>, ticketId: number, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const ticket = await trx
    .selectFrom('ticket')
    .innerJoin('service_line', 'service_line.id', 'ticket.service_line_id')
    .innerJoin('company', 'company.id', 'ticket.company_id')
    .select(['ticket.status', 'ticket.service_line_id', 'ticket.category_id', 'ticket.company_id', 'ticket.criticality', 'ticket.created_at', 'service_line.channel_id', 'company.support_tier'])
    .where('ticket.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) return;
  const [setup, clocks, pauseRows] = await Promise.all([
    loadSlaSetup(trx),
    trx.selectFrom('ticket_sla').selectAll().where('ticket_id', '=', ticketId).execute(),
    trx.selectFrom('ticket_sla_pause').select(['id', 'started_at', 'ended_at', 'status']).where('ticket_id', '=', ticketId).orderBy('started_at').orderBy('id').execute(),
  ]);
  const facts: TicketFacts = {
    serviceLineId: ticket.service_line_id,
    channelId: ticket.channel_id,
    categoryId: ticket.category_id,
    companyId: ticket.company_id,
    supportTier: ticket.support_tier,
    criticality: ticket.criticality as Level,
  };
  const policy = matchPolicy(setup.policies, facts);
  const calendar = policy && setup.calendars.get(policy.calendarId)?.calendar;
  const closed = ticket.status === 'closed';

  // The pause follows the status: one lasts while the status stops the clocks.
  const open = pauseRows.find((p) => p.ended_at === null);
  const shouldPause = !closed && pausesIn(ticket.status, policy?.pauseOnHold ?? false);
  if (open && (!shouldPause || open.status !== ticket.status)) {
    await trx.updateTable('ticket_sla_pause').set({ ended_at: at }).where('id', '=', open.id).where('ended_at', 'is', null).execute();
    open.ended_at = at;
  }
  if (shouldPause && (!open || open.ended_at !== null)) {
    const { id } = await trx.insertInto('ticket_sla_pause').values({ ticket_id: ticketId, started_at: at, status: ticket.status }).returning('id').executeTakeFirstOrThrow();
    pauseRows.push({ id, started_at: at, ended_at: null, status: ticket.status });
  }
  const pauses: Pause[] = pauseRows.map((p) => ({ start: new Date(iso(p.started_at)), end: p.ended_at === null ? null : new Date(iso(p.ended_at)) }));

  const pending = clocks.filter((c) => c.met_at === null);
  if (closed) {
    for (const c of pending) {
      // Decided by the business time the clock actually ran, its pauses counted up to now (the
      // closing ended the last one): a paused clock's stored due time is frozen where it paused.
      const times = calendar ? clockTimes(calendar, new Date(iso(c.started_at)), c.target_minutes, pauses, now) : null;
      const dueAt = times ? times.dueAt.toISOString() : iso(c.due_at);
      const state = c.state === 'breached' || new Date(dueAt) <= now ? 'breached' : 'met';
      await trx
        .updateTable('ticket_sla')
        .set({
          met_at: at,
          state,
          due_at: dueAt,
          ...(times ? { paused_minutes: times.pausedMinutes } : {}),
          breached_at: state === 'breached' ? (c.breached_at ?? dueAt) : null,
        })
        .where('ticket_id', '=', ticketId)
        .where('target', '=', c.target)
        .where('cycle', '=', c.cycle)
        .execute();
    }
    return refreshTicketSla(trx, ticketId);
  }
  if (!policy || !calendar) {
    // No policy applies any more: the clocks not yet met go.
    if (pending.length) await trx.deleteFrom('ticket_sla').where('ticket_id', '=', ticketId).where('met_at', 'is', null).execute();
    return refreshTicketSla(trx, ticketId);
  }

  const writes: ClockRow[] = [];
  for (const c of pending) {
    const minutes = targetMinutes(policy, ticket.criticality, c.target as SlaTargetKind);
    if (minutes === null) {
      await trx.deleteFrom('ticket_sla').where('ticket_id', '=', ticketId).where('target', '=', c.target).where('cycle', '=', c.cycle).execute();
      continue;
    }
    writes.push({ ...c, policy_id: policy.id, setup_version: setup.version, target_minutes: minutes });
  }
  const has = (target: SlaTargetKind) => clocks.some((c) => c.target === target);
  const cycles = (target: SlaTargetKind) => Math.max(0, ...clocks.filter((c) => c.target === target).map((c) => c.cycle));
  const created = iso(ticket.created_at);
  const start = (target: SlaTargetKind, cycle: number, startedAt: string) => {
    const minutes = targetMinutes(policy, ticket.criticality, target);
    if (minutes !== null) writes.push({ ...newClock(setup, policy, target, cycle, minutes, startedAt), ticket_id: ticketId, due_at: at, warn_at: at });
  };
  if (!has('first_response') && !(await answeredByAgent(trx, ticketId))) start('first_response', 1, created);
  // Reopened: every resolution was met, so a new one starts now.
  if (!has('resolution')) start('resolution', 1, created);
  else if (!pending.some((c) => c.target === 'resolution')) start('resolution', cycles('resolution') + 1, at);
  if (options.startNextResponse && !writes.some((w) => w.target === 'first_response' || w.target === 'next_response')) {
    start('next_response', cycles('next_response') + 1, at);
  }

  for (const w of writes) {
    const startedAt = new Date(iso(w.started_at));
    const times = clockTimes(calendar, startedAt, w.target_minutes, pauses.filter((p) => (p.end ?? now) > startedAt), now);
    const overdue = !times.paused && times.dueAt <= now;
    const state = times.paused ? 'paused' : w.state === 'breached' && overdue ? 'breached' : 'running';
    const row: ClockRow = {
      ...w,
      due_at: times.dueAt.toISOString(),
      warn_at: times.warnAt.toISOString(),
      state,
      paused_minutes: times.pausedMinutes,
      breached_at: state === 'breached' ? w.breached_at : null,
      breach_notified_at: state === 'breached' ? w.breach_notified_at : null,
      // A warning not yet due again (a longer target now) may be given again.
      warned_at: w.warned_at && times.warnAt > now ? null : w.warned_at,
    };
    await trx
      .insertInto('ticket_sla')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['ticket_id', 'target', 'cycle']).doUpdateSet({
          policy_id: row.policy_id,
          setup_version: row.setup_version,
          target_minutes: row.target_minutes,
          due_at: row.due_at,
          warn_at: row.warn_at,
          state: row.state,
          paused_minutes: row.paused_minutes,
          breached_at: row.breached_at,
          breach_notified_at: row.breach_notified_at,
          warned_at: row.warned_at,
        }),
      )
      .execute();
  }
  await refreshTicketSla(trx, ticketId);
}

/** Whether an agent has answered the customer publicly (the first response happened before any policy applied). */
async function answeredByAgent(trx: Kysely<Database>, ticketId: number): Promise<boolean> {
  const row = await trx
    .selectFrom('ticket_article')
    .innerJoin('person', 'person.id', 'ticket_article.author_id')
    .select('ticket_article.id')
    .where('ticket_article.ticket_id', '=', ticketId)
    .where('ticket_article.internal', '=', false)
    .where('person.staff_role', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every target kind, for presenters that list them in order. */
export const targetOrder = new Map(slaTargetKinds.map((k, i) => [k, i]));
