import { sql, type Kysely } from 'kysely';
import { is24x7, isBusinessInstant, nextBusinessInstant, type BusinessCalendar } from '../../../contracts/calendar';
import { defaultLanguage, isLanguage, translate, type Language } from '../../../contracts/i18n';
import { iso } from '../../db/columns';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import type { Database } from '../../db/schema';
import type { AppContext } from '../../context';
import { recordEvent } from '../../lib/events';
import { loadActor, type Actor } from '../auth/auth.actor';
import { enqueueMails, type OutgoingMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';
import { unreadCount } from '../notifications/notifications.service';
import { refreshTicketSla, syncTicketClocks } from './sla.service';
import { loadSlaSetup, slaVersion, type SlaSetup } from './sla.setup';

type JobContext = Pick<AppContext, 'db' | 'config'> & { pokeMail?: () => void };
type Notice = 'sla_warning' | 'sla_breach';

/** Rows each step takes per run; the rest wait for the next run (every 30 s). */
const batch = 200;
/**
 * A warning or breach notice goes out within business hours; one whose time came at the very end
 * of a period (a due time is the end of its last business minute) may still go this long after.
 */
const graceMs = 15 * 60_000;

/**
 * The SLA job, run by every process every 30 s: marks running clocks past their due time as
 * breached, sends the warnings at 75 % and the breach notices (each once per clock: a conditional
 * update claims it, so two processes never both send it), and recomputes in batches the open
 * clocks computed with an older setup (a policy or calendar edit). Every step finds its rows
 * through a partial index of the rows still to do (migration 016), never by scanning open tickets.
 */
export async function runSlaJob(ctx: JobContext, now = new Date()): Promise<number> {
  const breached = await markBreaches(ctx.db, now);
  const warned = await sendNotices(ctx, 'sla_warning', now);
  const notified = await sendNotices(ctx, 'sla_breach', now);
  const recomputed = await recomputeStale(ctx.db, now);
  const backfilled = await backfillUncovered(ctx.db, now);
  if (warned + notified) ctx.pokeMail?.();
  return breached + warned + notified + recomputed + backfilled;
}

/** Running clocks whose due time has passed become breached at their due time. */
async function markBreaches(db: Db, now: Date): Promise<number> {
  const due = await db
    .selectFrom('ticket_sla')
    .select(['ticket_id', 'target', 'cycle'])
    .where('state', '=', 'running')
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(inlineLimit(batch))
    .execute();
  let marked = 0;
  for (const ticketId of new Set(due.map((d) => d.ticket_id))) {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('ticket_sla')
        .set((eb) => ({ state: 'breached', breached_at: eb.ref('due_at') }))
        .where('ticket_id', '=', ticketId)
        .where('state', '=', 'running')
        .where('due_at', '<=', now.toISOString())
        .executeTakeFirst();
      marked += Number(updated.numUpdatedRows);
      await refreshTicketSla(trx, ticketId);
    });
    // SQLite runs each statement at once: let the process serve requests between tickets.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return marked;
}

/** Whether a notice whose time is `at` may go out now on the calendar: business time, 24×7, or just after it came. */
function mayNotify(calendar: BusinessCalendar | undefined, at: Date, now: Date): boolean {
  return !calendar || is24x7(calendar) || isBusinessInstant(calendar, now) || now.getTime() - at.getTime() <= graceMs;
}

/**
 * Warnings (running clocks past 75 %) or breach notices (breached clocks): each claimed by a
 * conditional update and sent in that transaction, to the assignee (or the group's agents when
 * nobody has the ticket) and, for a breach, the group's escalation contacts — in the app and by
 * mail, in each one's language. Outside business hours a warning moves to the next business
 * minute; a breach notice waits for it. A clock met or closed meanwhile is marked without a notice.
 */
async function sendNotices(ctx: JobContext, kind: Notice, now: Date): Promise<number> {
  const { db } = ctx;
  const warning = kind === 'sla_warning';
  const rows = await (warning
    ? db
        .selectFrom('ticket_sla')
        .select(['ticket_id', 'target', 'cycle', 'policy_id', 'due_at', 'met_at', 'warn_at as at'])
        .where('state', '=', 'running')
        .where('warned_at', 'is', null)
        .where('warn_at', '<=', now.toISOString())
        .orderBy('warn_at')
    : db
        .selectFrom('ticket_sla')
        .select(['ticket_id', 'target', 'cycle', 'policy_id', 'due_at', 'met_at', sql<string>`breached_at`.as('at')])
        .where('state', '=', 'breached')
        .where('breach_notified_at', 'is', null)
        .orderBy('breached_at')
  )
    .limit(inlineLimit(batch))
    .execute();
  if (!rows.length) return 0;
  const setup = await loadSlaSetup(db);
  const column = warning ? 'warned_at' : 'breach_notified_at';
  let sent = 0;
  for (const row of rows) {
    const at = new Date(iso(row.at));
    const calendar = calendarOf(setup, row.policy_id);
    const key = (q: ReturnType<typeof claimOf>) => q.where('ticket_id', '=', row.ticket_id).where('target', '=', row.target).where('cycle', '=', row.cycle).where(column, 'is', null);
    const claimOf = (trx: Kysely<Database>) => trx.updateTable('ticket_sla');
    if (row.met_at !== null) {
      await key(claimOf(db)).set({ [column]: now.toISOString() }).execute();
      continue;
    }
    if (!mayNotify(calendar, at, now)) {
      // The warning's time moves to the next business minute (the job reads them in that order).
      if (warning && calendar) await key(claimOf(db)).set({ warn_at: nextBusinessInstant(calendar, now).toISOString() }).execute();
      continue;
    }
    // Who and what are read before the claim: SQLite's one connection is the transaction's until it ends.
    const notice = await prepareNotice(db, ctx.config.publicUrl, kind, row.ticket_id, row.target, new Date(iso(row.due_at)), calendar?.timeZone ?? 'America/Sao_Paulo', policyName(setup, row.policy_id));
    await db.transaction().execute(async (trx) => {
      // Claimed only as selected: a clock met, breached or moved on since is left to the next run.
      const claim = key(claimOf(trx)).where('met_at', 'is', null);
      const claimed = await (warning ? claim.where('state', '=', 'running').where('warn_at', '<=', now.toISOString()) : claim.where('state', '=', 'breached'))
        .set({ [column]: now.toISOString() })
        .executeTakeFirst();
      if (!Number(claimed.numUpdatedRows)) return;
      sent++;
      await writeNotice(trx, kind, row.ticket_id, notice);
    });
  }
  return sent;
}

const calendarOf = (setup: SlaSetup, policyId: number | null) => {
  const policy = setup.policies.find((p) => p.id === policyId);
  return policy ? setup.calendars.get(policy.calendarId)?.calendar : undefined;
};
const policyName = (setup: SlaSetup, policyId: number | null) => setup.policies.find((p) => p.id === policyId)?.name ?? null;

type Recipient = { id: string; name: string; email: string; language: Language };

/** Who hears of a clock: the assignee, else the group's agents; for a breach also the group's escalation contacts. */
async function recipientsOf(trx: Kysely<Database>, kind: Notice, ticket: { assignee_id: string | null; group_id: number | null }): Promise<Recipient[]> {
  const people = trx.selectFrom('person').select(['person.id', 'person.name', 'person.email', 'person.language']).where('person.active', '=', true).where('person.staff_role', 'is not', null);
  const groupId = ticket.group_id ?? -1;
  const found = await people
    .where((eb) =>
      eb.or([
        ticket.assignee_id ? eb('person.id', '=', ticket.assignee_id) : eb('person.id', 'in', eb.selectFrom('group_member').select('person_id').where('group_id', '=', groupId)),
        ...(kind === 'sla_breach' ? [eb('person.id', 'in', eb.selectFrom('group_escalation_contact').select('person_id').where('group_id', '=', groupId))] : []),
      ]),
    )
    .orderBy('person.name')
    .execute();
  return found.map((p) => ({ ...p, language: isLanguage(p.language) ? p.language : defaultLanguage }));
}

type PreparedNotice = { recipients: Recipient[]; actors: Actor[]; mails: OutgoingMail[] };

/** The recipients of a notice, their actors (for their unread counts) and their mails, each in its language. */
async function prepareNotice(db: Db, publicUrl: string, kind: Notice, ticketId: number, target: string, due: Date, timeZone: string, policy: string | null): Promise<PreparedNotice> {
  const ticket = await db.selectFrom('ticket').select(['number', 'summary', 'assignee_id', 'group_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const recipients = await recipientsOf(db, kind, ticket);
  const actors = (await Promise.all(recipients.map((r) => loadActor(db, r.id)))).filter((a): a is Actor => a !== undefined);
  const host = new URL(publicUrl).hostname;
  const warning = kind === 'sla_warning';
  const mails = recipients.map((r): OutgoingMail => {
    const t = (key: string, params?: Record<string, string | number>) => translate(r.language, key, { number: ticket.number, ...params });
    const when = new Intl.DateTimeFormat(r.language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(due);
    const { html, text } = renderMail({
      language: r.language,
      recipientName: r.name,
      paragraphs: [t(warning ? 'sla.mail.warning' : 'sla.mail.breach', { target: t(`sla.targets.${target}`).toLocaleLowerCase(r.language), due: when }), ...(policy ? [t('sla.mail.policy', { policy })] : [])],
      action: { label: t('mail.ticketOpened.action'), url: `${publicUrl}/tickets/${ticket.number}` },
    });
    return {
      to: r.email,
      subject: `[#${ticket.number}] ${t(warning ? 'sla.mail.warningSubject' : 'sla.mail.breachSubject')}: ${ticket.summary}`,
      html,
      text,
      headers: { 'Message-ID': `<ticket-${ticket.number}-${kind}-${target}-${due.getTime()}-${r.id}@${host}>` },
    };
  });
  return { recipients, actors, mails };
}

/** One notification and one mail per recipient, in the claim's transaction, and each one's new unread count. */
async function writeNotice(trx: Kysely<Database>, kind: Notice, ticketId: number, { recipients, actors, mails }: PreparedNotice) {
  if (!recipients.length) return;
  const at = new Date().toISOString();
  await trx
    .insertInto('notification')
    .values(recipients.map((r) => ({ person_id: r.id, kind, ticket_id: ticketId, actor_id: null, article_id: null, created_at: at })))
    .execute();
  await enqueueMails(trx, mails);
  for (const actor of actors) recordEvent(trx, { type: 'notifications.changed', personId: actor.id, unread: await unreadCount(trx, actor) });
}

/** How long one run recomputes clocks before it leaves the rest to the next run. */
const recomputeBudgetMs = 2000;

/** Open clocks computed with an older setup (a calendar or policy edit since), recomputed a batch of tickets at a time. */
async function recomputeStale(db: Db, now: Date): Promise<number> {
  const version = await slaVersion(db);
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < recomputeBudgetMs) {
    const stale = await db
      .selectFrom('ticket_sla')
      .select('ticket_id')
      .distinct()
      .where('state', 'in', ['running', 'paused'])
      .where('setup_version', '<', version)
      .limit(inlineLimit(batch))
      .execute();
    for (const { ticket_id } of stale) {
      await db.transaction().execute((trx) => syncTicketClocks(trx, ticket_id, { now }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    done += stale.length;
    if (stale.length < batch) break;
  }
  return done;
}

/**
 * After an edit, the open tickets that have no clock (opened before any policy matched them) are
 * given theirs: a walk by id over the open tickets, a batch per step, its position kept in
 * sla_setup, once per setup version. Tickets with clocks are the stale step's.
 */
async function backfillUncovered(db: Db, now: Date): Promise<number> {
  const setup = await db.selectFrom('sla_setup').select(['version', 'backfill_version', 'backfill_after']).where('id', '=', 1).executeTakeFirst();
  if (!setup || setup.backfill_version >= setup.version) return 0;
  const ids = await db
    .selectFrom('ticket')
    .select('ticket.id')
    .where('ticket.id', '>', setup.backfill_after)
    .where('ticket.status', '<>', 'closed')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ticket_sla').select('ticket_sla.ticket_id').whereRef('ticket_sla.ticket_id', '=', 'ticket.id'))))
    .orderBy('ticket.id')
    .limit(inlineLimit(batch))
    .execute();
  for (const { id } of ids) {
    await db.transaction().execute((trx) => syncTicketClocks(trx, id, { now }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The position moves on only from where this run found it: of two processes, one moves it.
  const next = ids.length < batch ? { backfill_version: setup.version, backfill_after: 0 } : { backfill_after: ids.at(-1)!.id };
  await db.updateTable('sla_setup').set(next).where('id', '=', 1).where('backfill_after', '=', setup.backfill_after).where('backfill_version', '=', setup.backfill_version).execute();
  return ids.length;
}
