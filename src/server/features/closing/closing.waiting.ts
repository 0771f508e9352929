import { defaultWaitingCustomerDays } from '../../../contracts/closing';
import { localized } from '../../../contracts/i18n';
import { now } from '../../db/columns';
import type { Db } from '../../db/database';
import { inlineLimit } from '../../db/limit';
import type { AppContext } from '../../context';
import { recordChanges, statusChange } from '../tickets/tickets.events';
import { notifyCustomers } from '../tickets/tickets.notify';
import { reasonByKey } from './closing.service';

const settingKey = 'waiting_customer_days';

/** How many days a ticket waits for the customer before the reminder, and again before it closes (0: never). */
export async function waitingCustomerDays(db: Db): Promise<number> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', settingKey).executeTakeFirst();
  const days = row ? Number(row.value) : defaultWaitingCustomerDays;
  return Number.isFinite(days) ? days : defaultWaitingCustomerDays;
}

export async function setWaitingCustomerDays(db: Db, days: number): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: settingKey, value: String(days) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(days) }))
    .execute();
}

/**
 * Tickets waiting for the customer: after the configured days without an answer the customer is
 * reminded once; as many days after the reminder, still without one, the ticket closes with the
 * reason "Sem retorno do cliente". Each reminder and each closing is a conditional update of the
 * ticket (its revision and status in the WHERE) in its own short transaction, so with several
 * processes running the job each happens once, and the process serves between two (as
 * `closeUnconfirmedSolutions`). A customer's answer moves the ticket out of the status; a new wait
 * starts a new clock (`waiting_since`), and a reminder counts only when after it.
 */
export async function remindAndCloseWaiting(ctx: Pick<AppContext, 'db' | 'config'>): Promise<number> {
  const { db, config } = ctx;
  const days = await waitingCustomerDays(db);
  if (days <= 0) return 0;
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
  const waiting = (q: ReturnType<typeof base>) => q.limit(inlineLimit(500)).execute();
  const base = () => db.selectFrom('ticket').select(['id', 'revision']).where('status', '=', 'waiting_customer');
  const toRemind = await waiting(
    base()
      .where('waiting_since', '<', cutoff)
      .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', eb.ref('waiting_since'))])),
  );
  const toClose = await waiting(base().where('reminded_at', '>=', (eb) => eb.ref('waiting_since')).where('reminded_at', '<', cutoff));
  let done = 0;
  const seen = (revision: number) => ({ revision, status: 'waiting_customer' });

  for (const ticket of toRemind) {
    await new Promise((resolve) => setImmediate(resolve));
    await db.transaction().execute(async (trx) => {
      const revision = await recordChanges(trx, ticket.id, null, [{ kind: 'closing.reminded', public: true }], { reminded_at: now() }, seen(ticket.revision));
      if (revision === undefined) return;
      done++;
      await notifyCustomers(trx, config.publicUrl, ticket.id, (t) => [t('closing.mail.reminder', { days })], `reminder-${revision}`);
    });
  }
  if (!toClose.length) return done;
  const reason = await reasonByKey(db, 'no_response');
  for (const ticket of toClose) {
    await new Promise((resolve) => setImmediate(resolve));
    await db.transaction().execute(async (trx) => {
      const revision = await recordChanges(
        trx,
        ticket.id,
        null,
        [statusChange('waiting_customer', 'closed'), { kind: 'closing.closed', to: localized(reason.names, 'pt-BR'), public: true }],
        { status: 'closed', closed_at: now(), close_reason_id: reason.id },
        seen(ticket.revision),
      );
      if (revision === undefined) return;
      done++;
      await notifyCustomers(trx, config.publicUrl, ticket.id, (t) => [t('closing.mail.autoClosed', { days: days * 2 })], `closed-${revision}`);
    });
  }
  return done;
}
